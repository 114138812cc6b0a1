import { useEffect } from "preact/hooks";
import { DEVICE_TYPES, KKM_STATUSES, type Kkm } from "../../api/kkms";
import { EmptyState } from "../../components/EmptyState";
import { ErrorBox } from "../../components/ErrorBox";
import { Guard } from "../../components/Guard";
import { Loading } from "../../components/Loading";
import { MoreButton } from "../../components/MoreButton";
import { SelectField } from "../../components/SelectField";
import { TextField } from "../../components/TextField";
import { KkmSectionNav } from "../../components/kkm/KkmNav";
import { t, type TextKey } from "../../i18n";
import { formatDateTime } from "../../lib/format";
import { useModel } from "../../lib/use-model";
import { createKkmListModel } from "../../models/kkm-list-model";
import { hasRight } from "../../models/session-model";
import { pointOfSaleLabel, pointOfSalePlace } from "./kkm-format";
import "./kkms.css";

/** The KKM search, with results grouped by point of sale. */
export function KkmListPage() {
  return (
    <Guard kind="taxpayer" right="view_reports">
      <KkmSectionNav />
      <ListView />
    </Guard>
  );
}

function ListView() {
  const model = useModel(createKkmListModel);
  const filters = model.filters;
  const groups = model.groups.value;
  const points = model.pointsOfSale.data.value ?? [];
  const options = (prefix: string, values: readonly string[]) =>
    values.map((value) => ({
      value,
      label: t(`${prefix}${value}` as TextKey),
    }));

  useEffect(() => {
    void model.pointsOfSale.load();
    void model.search();
  }, []);

  const onSubmit = (event: Event) => {
    event.preventDefault();
    void model.search();
  };

  return (
    <section>
      <div class="kkm-title-row">
        <h1>{t("kkmListTitle")}</h1>
        {hasRight("manage_kkms") && (
          <a class="button primary" href="/kkms/new">
            {t("kkmNavActivate")}
          </a>
        )}
      </div>
      <form
        class="card kkm-filters"
        onSubmit={onSubmit}
        noValidate
        aria-label={t("kkmFiltersLabel")}
      >
        <TextField form={filters} name="query" label="kkmFilterQuery" />
        <SelectField
          form={filters}
          name="pointOfSaleId"
          label="kkmFieldPointOfSale"
          options={points.map((point) => ({
            value: point.id,
            label: pointOfSaleLabel(point),
          }))}
        />
        <SelectField
          form={filters}
          name="status"
          label="kkmFieldStatus"
          options={options("kkmStatus_", KKM_STATUSES)}
        />
        <SelectField
          form={filters}
          name="deviceType"
          label="kkmFieldDeviceType"
          options={options("kkmDeviceType_", DEVICE_TYPES)}
        />
        <TextField
          form={filters}
          name="registeredFrom"
          label="kkmFilterRegisteredFrom"
          type="date"
        />
        <TextField
          form={filters}
          name="registeredTo"
          label="kkmFilterRegisteredTo"
          type="date"
        />
        <TextField
          form={filters}
          name="kgdNumber"
          label="kkmFieldKgdNumber"
          inputMode="numeric"
        />
        <button type="submit" class="primary" disabled={model.loading.value}>
          {t("search")}
        </button>
      </form>

      <ErrorBox error={model.error.value ?? model.pointsOfSale.error.value} />
      {model.loaded.value && groups.length === 0 && (
        <EmptyState text="kkmListEmpty" />
      )}
      {groups.map((group) => (
        <section
          key={group.pointOfSale.id}
          class="kkm-group"
          data-testid="kkm-group"
        >
          <h2>{pointOfSalePlace(group.pointOfSale)}</h2>
          <ul class="cards">
            {group.kkms.map((kkm) => (
              <KkmRow
                key={kkm.id}
                kkm={kkm}
                place={pointOfSalePlace(group.pointOfSale)}
              />
            ))}
          </ul>
        </section>
      ))}
      {model.loading.value && <Loading />}
      <MoreButton list={model} />
    </section>
  );
}

interface KkmRowProps {
  kkm: Kkm;
  place: string;
}

function KkmRow({ kkm, place }: KkmRowProps) {
  return (
    <li class="card kkm-row" data-testid={`kkm-row-${kkm.id}`}>
      <a href={`/kkms/${kkm.id}`} class="kkm-row-title">
        {`${place} → ${kkm.internalName}`}
      </a>
      <p class="muted">
        {t("kkmRowFacts", {
          id: kkm.id,
          kgd: kkm.kgdNumber,
          type: t(`kkmDeviceType_${kkm.deviceType}` as TextKey),
        })}
      </p>
      <p>
        <span class={`kkm-status kkm-status-${kkm.status}`}>
          {t(`kkmStatus_${kkm.status}` as TextKey)}
        </span>{" "}
        <span class="muted">
          {t("kkmRegisteredAt", { date: formatDateTime(kkm.registeredAt) })}
        </span>
      </p>
    </li>
  );
}
