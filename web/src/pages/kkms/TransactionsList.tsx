import { useState } from "preact/hooks";
import { EmptyState } from "../../components/EmptyState";
import { ErrorBox } from "../../components/ErrorBox";
import { Loading } from "../../components/Loading";
import { MoreButton } from "../../components/MoreButton";
import { t } from "../../i18n";
import { language } from "../../models/language-model";
import type { createKkmViewModel } from "../../models/kkm-view-model";
import { formatTiyn } from "../check/receipt-format";
import { formatDate, operationText, timeOf } from "./kkm-format";

/** Props of TransactionsList. */
export interface TransactionsListProps {
  kkmId: string;
  model: ReturnType<typeof createKkmViewModel>;
}

/** The KKM's receipts for a chosen date or shift, newest first. */
export function TransactionsList({ kkmId, model }: TransactionsListProps) {
  const filter = model.filter.value;
  const [date, setDate] = useState(filter?.kind === "date" ? filter.date : "");
  const [shift, setShift] = useState("");
  const rows = model.transactions.items.value;
  const money = (tiyn: number) => formatTiyn(tiyn, language.value);
  const problem = model.filterProblem.value;

  const heading =
    filter?.kind === "shift"
      ? t("kkmTransactionsShift", { shift: filter.shiftNumber })
      : t("kkmTransactionsDate", {
          date: formatDate(filter?.date ?? date),
        });

  return (
    <section class="kkm-transactions">
      <h2>{t("kkmTransactionsTitle")}</h2>
      <div class="search">
        <form
          class="kkm-inline-form"
          onSubmit={(event) => {
            event.preventDefault();
            void model.showDate(date);
          }}
        >
          <label for="kkm-tx-date">{t("kkmFilterDate")}</label>
          <input
            id="kkm-tx-date"
            type="date"
            value={date}
            onInput={(event) => setDate(event.currentTarget.value)}
          />
          <button type="submit">{t("kkmShow")}</button>
        </form>
        <form
          class="kkm-inline-form"
          onSubmit={(event) => {
            event.preventDefault();
            void model.showShift(shift);
          }}
        >
          <label for="kkm-tx-shift">{t("kkmFilterShift")}</label>
          <input
            id="kkm-tx-shift"
            inputMode="numeric"
            value={shift}
            aria-invalid={problem === "kkmErrorShiftNumber" ? true : undefined}
            onInput={(event) => setShift(event.currentTarget.value)}
          />
          <button type="submit">{t("kkmShow")}</button>
        </form>
      </div>
      {problem && (
        <p class="field-problem" role="alert">
          {t(problem)}
        </p>
      )}
      <p class="muted">{heading}</p>
      <ErrorBox error={model.transactions.error.value} />
      {model.transactions.loaded.value && rows.length === 0 && (
        <EmptyState text="kkmTransactionsEmpty" />
      )}
      {rows.length > 0 && (
        <div class="table-wrap">
          <table data-testid="kkm-transactions">
            <thead>
              <tr>
                <th>{t("kkmColTime")}</th>
                <th>{t("kkmColFiscalSign")}</th>
                <th>{t("kkmColOperation")}</th>
                <th class="kkm-number">{t("kkmColAmount")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id} data-testid="kkm-transaction">
                  <td>{timeOf(row.localTime)}</td>
                  <td>
                    <a
                      href={`/kkms/${encodeURIComponent(kkmId)}/receipts/${encodeURIComponent(row.fiscalSign)}`}
                      data-testid="kkm-transaction-sign"
                    >
                      {row.fiscalSign}
                    </a>
                    {row.autonomousNumber !== null && (
                      <span class="receipt-badge">{t("checkAutonomous")}</span>
                    )}
                  </td>
                  <td>{operationText(row)}</td>
                  <td class="kkm-number" data-testid="kkm-transaction-total">
                    {money(row.total)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {model.transactions.loading.value && <Loading />}
      <MoreButton list={model.transactions} />
      <p class="links">
        <a href={`/kkms/${encodeURIComponent(kkmId)}/details`}>
          {t("kkmTabDetails")}
        </a>
        <a href={`/kkms/${encodeURIComponent(kkmId)}/reports/z`}>
          {t("kkmTabZReports")}
        </a>
        <a href={`/kkms/${encodeURIComponent(kkmId)}/reports/x`}>
          {t("kkmTabXReports")}
        </a>
      </p>
    </section>
  );
}
