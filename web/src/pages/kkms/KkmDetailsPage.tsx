import { useEffect, useState } from "preact/hooks";
import { fetchKkm, type KkmDetails } from "../../api/kkms";
import { DataList } from "../../components/DataList";
import { ErrorBox } from "../../components/ErrorBox";
import { Guard } from "../../components/Guard";
import { Loading } from "../../components/Loading";
import { KkmTabs } from "../../components/kkm/KkmNav";
import { t, type TextKey } from "../../i18n";
import { formatDateTime } from "../../lib/format";
import { useModel } from "../../lib/use-model";
import { createResource } from "../../models/resource-model";
import { hasRight } from "../../models/session-model";
import { KkmActions } from "./KkmActions";
import { KkmEditForm } from "./KkmEditForm";
import type { KkmPageProps } from "./KkmViewPage";
import { zoneLabel } from "./kkm-format";
import "./kkms.css";

/**
 * Every registration field of a KKM, with the edit form, token reset and
 * deregistration.
 */
export function KkmDetailsPage({ id = "" }: KkmPageProps) {
  return (
    <Guard kind="taxpayer" right="view_reports">
      <KkmTabs id={id} />
      <DetailsBody id={id} />
    </Guard>
  );
}

function DetailsBody({ id }: { id: string }) {
  const kkm = useModel(() => createResource(() => fetchKkm(id)));
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    void kkm.load();
  }, []);

  if (kkm.error.value) return <ErrorBox error={kkm.error.value} />;
  const details = kkm.data.value;
  if (!details) return <Loading />;
  const canEdit = hasRight("manage_kkms") && details.status !== "deregistered";
  const onSaved = () => {
    setEditing(false);
    setSaved(true);
    void kkm.load();
  };

  return (
    <section>
      <h1>{t("kkmDetailsTitle", { name: details.internalName })}</h1>
      <div data-testid="kkm-details">
        <DataList rows={detailRows(details)} />
      </div>
      {saved && (
        <p class="success" role="status" data-testid="kkm-edit-saved">
          {t("kkmEditSaved")}
        </p>
      )}
      {canEdit && !editing && (
        <button
          type="button"
          data-testid="kkm-edit"
          onClick={() => {
            setSaved(false);
            setEditing(true);
          }}
        >
          {t("kkmEdit")}
        </button>
      )}
      {canEdit && editing && (
        <KkmEditForm
          kkm={details}
          onSaved={onSaved}
          onCancel={() => setEditing(false)}
        />
      )}
      {hasRight("manage_kkms") && (
        <KkmActions
          kkmId={details.id}
          deregistered={details.status === "deregistered"}
          onChanged={() => void kkm.load()}
        />
      )}
    </section>
  );
}

/** The rows of the details list, in the order of the registration card. */
function detailRows(kkm: KkmDetails): { label: TextKey; value: string }[] {
  const optional = (prefix: string, value: string | null) =>
    value === null ? "" : t(`${prefix}${value}` as TextKey);
  const point = kkm.pointOfSale;

  return [
    { label: "kkmSystemId", value: String(kkm.id) },
    { label: "kkmFieldKgdNumber", value: kkm.kgdNumber },
    { label: "kkmPreviousKgdNumber", value: kkm.previousKgdNumber ?? "" },
    { label: "kkmFieldInternalName", value: kkm.internalName },
    {
      label: "kkmFieldDeviceType",
      value: t(`kkmDeviceType_${kkm.deviceType}` as TextKey),
    },
    { label: "kkmFieldTimeZone", value: zoneLabel(kkm.timeZone) },
    {
      label: "kkmFieldConnection",
      value: optional("kkmConnection_", kkm.connectionMethod),
    },
    { label: "kkmFieldFiledBy", value: optional("kkmFiledBy_", kkm.filedBy) },
    { label: "kkmFieldOperatingSystem", value: kkm.operatingSystem ?? "" },
    { label: "kkmFieldModel", value: kkm.model },
    { label: "kkmFieldSerial", value: kkm.serialNumber },
    { label: "kkmPointOfSaleName", value: point.title },
    {
      label: "kkmPointOfSaleAddress",
      value: `${point.city}, ${point.address}`,
    },
    {
      label: "kkmFieldStatus",
      value: t(`kkmStatus_${kkm.status}` as TextKey),
    },
    { label: "kkmStatusReason", value: kkm.blockReason ?? "" },
    {
      label: "kkmRegisteredAtLabel",
      value: formatDateTime(kkm.registeredAt, kkm.timeZone),
    },
    {
      label: "kkmActivatedAt",
      value: kkm.activatedAt
        ? formatDateTime(kkm.activatedAt, kkm.timeZone)
        : "",
    },
    {
      label: "kkmDeregisteredAt",
      value: kkm.deregisteredAt
        ? formatDateTime(kkm.deregisteredAt, kkm.timeZone)
        : "",
    },
  ];
}
