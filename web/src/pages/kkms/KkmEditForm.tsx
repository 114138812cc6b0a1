import { useEffect } from "preact/hooks";
import { CONNECTION_METHODS, FILERS, type Kkm } from "../../api/kkms";
import { ErrorBox } from "../../components/ErrorBox";
import { Loading } from "../../components/Loading";
import { SelectField } from "../../components/SelectField";
import { SubmitButton } from "../../components/SubmitButton";
import { TextField } from "../../components/TextField";
import { ChoiceField } from "../../components/kkm/ChoiceField";
import { ConfirmDialog } from "../../components/kkm/ConfirmDialog";
import { t, type TextKey } from "../../i18n";
import { useModel } from "../../lib/use-model";
import { lacksProfile } from "../../lib/kkm-edit-rules";
import { createKkmEditModel } from "../../models/kkm-edit-model";
import {
  KAZAKHSTAN_TIME_ZONES,
  pointOfSaleLabel,
  zoneLabel,
} from "./kkm-format";

/** Props of KkmEditForm. */
export interface KkmEditFormProps {
  kkm: Kkm;
  onSaved: () => void;
  onCancel: () => void;
}

/** Shows the fields of a KKM that its owner may change after activation. */
export function KkmEditForm({ kkm, onSaved, onCancel }: KkmEditFormProps) {
  const model = useModel(() => createKkmEditModel(kkm, onSaved));
  const form = model.form;
  const values = form.values.value;

  useEffect(() => {
    void model.load();
  }, []);

  const models = model.models.data.value ?? [];
  const points = model.pointsOfSale.data.value ?? [];
  const zones: string[] = [...KAZAKHSTAN_TIME_ZONES];
  if (!zones.includes(kkm.timeZone)) zones.push(kkm.timeZone);
  const options = (prefix: string, list: readonly string[]) =>
    list.map((value) => ({ value, label: t(`${prefix}${value}` as TextKey) }));
  const onSubmit = (event: Event) => {
    event.preventDefault();
    void model.submit();
  };

  return (
    <form
      class="card"
      data-testid="kkm-edit-form"
      onSubmit={onSubmit}
      noValidate
    >
      <h2>{t("kkmEditTitle")}</h2>
      <ErrorBox
        error={model.models.error.value ?? model.pointsOfSale.error.value}
      />
      {(model.models.loading.value || model.pointsOfSale.loading.value) && (
        <Loading />
      )}
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
        options={points.map((point) => ({
          value: point.id,
          label: pointOfSaleLabel(point),
        }))}
      />
      <TextField
        form={form}
        name="kgdNumber"
        label="kkmFieldKgdNumber"
        inputMode="numeric"
        hint={t("kkmHintKgdNumberChange")}
      />
      <SelectField
        form={form}
        name="timeZone"
        label="kkmFieldTimeZone"
        options={zones.map((zone) => ({ value: zone, label: zoneLabel(zone) }))}
      />
      <SelectField
        form={form}
        name="modelId"
        label="kkmFieldModel"
        options={models.map((entry) => ({
          value: entry.id,
          label: `${entry.manufacturer} ${entry.name}`,
        }))}
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
      {lacksProfile(model.initial) && (
        <ChoiceField
          form={form}
          name="filedBy"
          label="kkmFieldFiledBy"
          options={options("kkmFiledBy_", FILERS)}
        />
      )}
      <ErrorBox error={form.formError.value} />
      {model.nothingChanged.value && (
        <p class="muted" role="status">
          {t("kkmEditNothingChanged")}
        </p>
      )}
      <div class="actions">
        <SubmitButton label="save" busy={form.submitting.value} />
        <button
          type="button"
          disabled={form.submitting.value}
          onClick={onCancel}
        >
          {t("cancel")}
        </button>
      </div>

      {model.confirmingKgd.value && (
        <ConfirmDialog
          heading="kkmEditKgdTitle"
          confirmLabel="kkmEditKgdConfirm"
          busy={form.submitting.value}
          onConfirm={() => void model.confirmKgd()}
          onCancel={model.cancelKgd}
        >
          <p data-testid="kkm-edit-kgd-text">
            {t("kkmEditKgdText", {
              previous: kkm.kgdNumber,
              next: values.kgdNumber.trim(),
            })}
          </p>
        </ConfirmDialog>
      )}
    </form>
  );
}
