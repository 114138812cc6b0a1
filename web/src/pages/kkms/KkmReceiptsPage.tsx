import { useEffect } from "preact/hooks";
import { EmptyState } from "../../components/EmptyState";
import { ErrorBox } from "../../components/ErrorBox";
import { Guard } from "../../components/Guard";
import { Loading } from "../../components/Loading";
import { MoreButton } from "../../components/MoreButton";
import { TextField } from "../../components/TextField";
import { KkmSectionNav } from "../../components/kkm/KkmNav";
import { t, type TextKey } from "../../i18n";
import { useModel } from "../../lib/use-model";
import { language } from "../../models/language-model";
import { createReceiptsModel } from "../../models/kkm-receipts-model";
import { formatLocalDateTime, formatTiyn } from "../check/receipt-format";
import "./kkms.css";

/** Receipts of every KKM of the organisation, by sign, period and amount. */
export function KkmReceiptsPage() {
  return (
    <Guard kind="taxpayer" right="view_reports">
      <KkmSectionNav />
      <ReceiptsBody />
    </Guard>
  );
}

function ReceiptsBody() {
  const model = useModel(createReceiptsModel);
  const filters = model.filters;
  const list = model.receipts;
  const rows = list.items.value;
  const money = (tiyn: number) => formatTiyn(tiyn, language.value);

  useEffect(() => {
    void model.search();
  }, []);

  const onSubmit = (event: Event) => {
    event.preventDefault();
    void model.search();
  };

  return (
    <section>
      <h1>{t("kkmReceiptsTitle")}</h1>
      <form class="card kkm-filters" onSubmit={onSubmit} noValidate>
        <TextField
          form={filters}
          name="fiscalSign"
          label="kkmColFiscalSign"
          inputMode="numeric"
        />
        <TextField
          form={filters}
          name="from"
          label="kkmFilterFrom"
          type="date"
        />
        <TextField form={filters} name="to" label="kkmFilterTo" type="date" />
        <TextField
          form={filters}
          name="minTotal"
          label="kkmFilterMinTotal"
          inputMode="numeric"
        />
        <TextField
          form={filters}
          name="maxTotal"
          label="kkmFilterMaxTotal"
          inputMode="numeric"
        />
        <TextField
          form={filters}
          name="kkmId"
          label="kkmSystemId"
          inputMode="numeric"
        />
        <button type="submit" class="primary" disabled={list.loading.value}>
          {t("search")}
        </button>
      </form>
      <p class="muted">{t("kkmReceiptsDelay")}</p>
      <ErrorBox error={list.error.value} />
      {list.loaded.value && rows.length === 0 && (
        <EmptyState text="kkmReceiptsEmpty" />
      )}
      {rows.length > 0 && (
        <div class="table-wrap">
          <table data-testid="kkm-receipts">
            <thead>
              <tr>
                <th>{t("kkmColDateTime")}</th>
                <th>{t("kkmSystemId")}</th>
                <th>{t("kkmColFiscalSign")}</th>
                <th>{t("kkmColShift")}</th>
                <th>{t("kkmColOperation")}</th>
                <th class="kkm-number">{t("kkmColAmount")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={`${row.kkmId}-${row.fiscalSign}`}>
                  <td>{formatLocalDateTime(row.localTime)}</td>
                  <td>
                    <a href={`/kkms/${row.kkmId}`}>{row.kkmId}</a>
                  </td>
                  <td>
                    <a href={`/kkms/${row.kkmId}/receipts/${row.fiscalSign}`}>
                      {row.fiscalSign}
                    </a>
                    {row.autonomousNumber !== null && (
                      <span class="receipt-badge">{t("checkAutonomous")}</span>
                    )}
                  </td>
                  <td>{row.shiftNumber}</td>
                  <td>{t(`kkmOperation_${row.operation}` as TextKey)}</td>
                  <td class="kkm-number">{money(row.total)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {list.loading.value && <Loading />}
      <MoreButton list={list} />
    </section>
  );
}
