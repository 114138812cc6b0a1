import { useEffect } from "preact/hooks";
import { CONNECTION_METHODS, DEVICE_TYPES, FILERS } from "../../api/kkms";
import { ErrorBox } from "../../components/ErrorBox";
import { Guard } from "../../components/Guard";
import { Loading } from "../../components/Loading";
import { SelectField } from "../../components/SelectField";
import { SubmitButton } from "../../components/SubmitButton";
import { TextField } from "../../components/TextField";
import { ChoiceField } from "../../components/kkm/ChoiceField";
import { KkmSectionNav } from "../../components/kkm/KkmNav";
import { TokenNotice } from "../../components/kkm/TokenNotice";
import { t, type TextKey } from "../../i18n";
import { useModel } from "../../lib/use-model";
import {
  createActivateModel,
  NEW_POINT_OF_SALE,
} from "../../models/kkm-activate-model";
import {
  KAZAKHSTAN_TIME_ZONES,
  pointOfSaleLabel,
  zoneLabel,
} from "./kkm-format";
import "./kkms.css";

/** "Activate KKM": registers a KKM and shows its system id and token once. */
export function KkmActivatePage() {
  return (
    <Guard kind="taxpayer" right="manage_kkms">
      <KkmSectionNav />
      <ActivateView />
    </Guard>
  );
}

function ActivateView() {
  const model = useModel(createActivateModel);
  const form = model.form;
  const activated = model.activated.value;

  useEffect(() => {
    void model.load();
  }, []);

  if (activated) {
    return (
      <section data-testid="kkm-activated">
        <h1>{t("kkmActivatedTitle")}</h1>
        <p>{t("kkmActivatedText", { name: activated.kkm.internalName })}</p>
        <TokenNotice kkmId={activated.kkm.id} token={activated.token} />
        <div class="actions">
          <a class="button" href={`/kkms/${activated.kkm.id}`}>
            {t("kkmOpenView")}
          </a>
          <button type="button" onClick={model.startOver}>
            {t("kkmActivateAnother")}
          </button>
        </div>
      </section>
    );
  }

  const models = model.models.data.value ?? [];
  const points = model.pointsOfSale.data.value ?? [];
  const options = (prefix: string, values: readonly string[]) =>
    values.map((value) => ({
      value,
      label: t(`${prefix}${value}` as TextKey),
    }));
  const onSubmit = (event: Event) => {
    event.preventDefault();
    void model.submit();
  };

  return (
    <section class="narrow">
      <h1>{t("kkmActivateTitle")}</h1>
      <p class="muted">{t("kkmActivateIntro")}</p>
      <ErrorBox
        error={model.models.error.value ?? model.pointsOfSale.error.value}
      />
      {(model.models.loading.value || model.pointsOfSale.loading.value) && (
        <Loading />
      )}
      <form class="card" onSubmit={onSubmit} noValidate>
        <TextField
          form={form}
          name="kgdNumber"
          label="kkmFieldKgdNumber"
          inputMode="numeric"
          hint={t("kkmHintKgdNumber")}
        />
        <TextField form={form} name="serialNumber" label="kkmFieldSerial" />
        <SelectField
          form={form}
          name="modelId"
          label="kkmFieldModel"
          options={models.map((entry) => ({
            value: entry.id,
            label: `${entry.manufacturer} ${entry.name}`,
          }))}
        />
        <TextField
          form={form}
          name="internalName"
          label="kkmFieldInternalName"
          hint={t("kkmHintInternalName")}
        />
        <SelectField
          form={form}
          name="pointOfSaleId"
          label="kkmFieldPointOfSale"
          options={[
            ...points.map((point) => ({
              value: point.id,
              label: pointOfSaleLabel(point),
            })),
            { value: NEW_POINT_OF_SALE, label: t("kkmNewPointOfSale") },
          ]}
        />
        {form.values.value.pointOfSaleId === NEW_POINT_OF_SALE && (
          <fieldset data-testid="kkm-new-point">
            <legend>{t("kkmNewPointOfSale")}</legend>
            <TextField form={form} name="posTitle" label="kkmFieldPosTitle" />
            <TextField form={form} name="posCity" label="kkmFieldPosCity" />
            <TextField
              form={form}
              name="posAddress"
              label="kkmFieldPosAddress"
            />
          </fieldset>
        )}
        <SelectField
          form={form}
          name="timeZone"
          label="kkmFieldTimeZone"
          options={KAZAKHSTAN_TIME_ZONES.map((zone) => ({
            value: zone,
            label: zoneLabel(zone),
          }))}
        />
        <SelectField
          form={form}
          name="deviceType"
          label="kkmFieldDeviceType"
          options={options("kkmDeviceType_", DEVICE_TYPES)}
        />
        <ChoiceField
          form={form}
          name="connectionMethod"
          label="kkmFieldConnection"
          options={options("kkmConnection_", CONNECTION_METHODS)}
        />
        <TextField
          form={form}
          name="operatingSystem"
          label="kkmFieldOperatingSystem"
          hint={t("kkmHintOperatingSystem")}
        />
        <ChoiceField
          form={form}
          name="filedBy"
          label="kkmFieldFiledBy"
          options={options("kkmFiledBy_", FILERS)}
        />
        <ErrorBox error={form.formError.value} />
        <SubmitButton label="kkmActivateSubmit" busy={form.submitting.value} />
      </form>
    </section>
  );
}
