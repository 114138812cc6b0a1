import { Guard } from "../../components/Guard";
import { TextField } from "../../components/TextField";
import { ChoiceField } from "../../components/kkm/ChoiceField";
import { KkmSectionNav } from "../../components/kkm/KkmNav";
import { t } from "../../i18n";
import { todayIso } from "../../lib/format";
import { useModel } from "../../lib/use-model";
import { createExportModel, exportUrlOf } from "../../models/kkm-export-model";
import "./kkms.css";

/** Exports of receipts and Z reports as CSV or XLSX. */
export function KkmExportsPage() {
  return (
    <Guard kind="taxpayer" right="view_reports">
      <KkmSectionNav />
      <ExportsBody />
    </Guard>
  );
}

function ExportsBody() {
  const model = useModel(() => createExportModel(todayIso()));
  const form = model.form;
  const rows = model.rowsRead.value;

  const downloadCsv = (event: Event) => {
    if (!form.validate()) event.preventDefault();
  };
  const onSubmit = (event: Event) => {
    event.preventDefault();
    void model.buildXlsx();
  };

  return (
    <section class="narrow">
      <h1>{t("kkmExportsTitle")}</h1>
      <p class="muted">{t("kkmExportsIntro")}</p>
      <form class="card" onSubmit={onSubmit} noValidate>
        <ChoiceField
          form={form}
          name="kind"
          label="kkmExportKind"
          options={[
            { value: "receipts", label: t("kkmExportReceipts") },
            { value: "reports", label: t("kkmExportZReports") },
          ]}
        />
        <TextField form={form} name="from" label="kkmFilterFrom" type="date" />
        <TextField form={form} name="to" label="kkmFilterTo" type="date" />
        <TextField
          form={form}
          name="kkmId"
          label="kkmExportKkmId"
          inputMode="numeric"
          hint={t("kkmExportKkmHint")}
        />
        <div class="actions">
          <a
            class="button"
            href={exportUrlOf(form.values.value)}
            download
            data-testid="kkm-export-csv"
            onClick={downloadCsv}
          >
            {t("kkmExportCsv")}
          </a>
          <button
            type="submit"
            class="primary"
            disabled={model.building.value}
            data-testid="kkm-export-xlsx"
          >
            {t("kkmExportXlsx")}
          </button>
          {model.building.value && (
            <button type="button" onClick={model.cancel}>
              {t("cancel")}
            </button>
          )}
        </div>
        {model.building.value && (
          <p role="status" aria-live="polite" data-testid="kkm-export-progress">
            <progress /> {t("kkmExportRowsRead", { rows: rows ?? 0 })}
          </p>
        )}
        {model.done.value !== null && (
          <p class="success" role="status" data-testid="kkm-export-done">
            {t("kkmExportDone", { rows: model.done.value })}
          </p>
        )}
        {model.failure.value && (
          <p class="field-problem" role="alert">
            {t("kkmExportFailed", { reason: model.failure.value })}
          </p>
        )}
      </form>
    </section>
  );
}
