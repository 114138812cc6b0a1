import { useEffect } from "preact/hooks";
import type { ReportRow } from "../../api/kkms";
import { EmptyState } from "../../components/EmptyState";
import { ErrorBox } from "../../components/ErrorBox";
import { Guard } from "../../components/Guard";
import { Loading } from "../../components/Loading";
import { TextField } from "../../components/TextField";
import { KkmTabs } from "../../components/kkm/KkmNav";
import { t } from "../../i18n";
import { useModel } from "../../lib/use-model";
import { language } from "../../models/language-model";
import { createReportsModel } from "../../models/kkm-reports-model";
import { formatTiyn } from "../check/receipt-format";
import { dateInZone, groupByDay, rangeText, timeOf } from "./kkm-format";
import "./kkms.css";

/** Props of the report history pages, from the route. */
export interface KkmReportsPageProps {
  id?: string;
}

/** The Z report history of a KKM. */
export function KkmZReportsPage({ id = "" }: KkmReportsPageProps) {
  return <ReportsPage id={id} kind="Z" />;
}

/** The X report history of a KKM. */
export function KkmXReportsPage({ id = "" }: KkmReportsPageProps) {
  return <ReportsPage id={id} kind="X" />;
}

function ReportsPage({ id, kind }: { id: string; kind: "Z" | "X" }) {
  return (
    <Guard kind="taxpayer" right="view_reports">
      <KkmTabs id={id} />
      <ReportsBody key={kind} id={id} kind={kind} />
    </Guard>
  );
}

function ReportsBody({ id, kind }: { id: string; kind: "Z" | "X" }) {
  const model = useModel(() => createReportsModel(id, kind));
  const pager = model.reports;
  const rows = pager.items.value;
  const kkm = model.kkm.data.value;
  const today = dateInZone(new Date(), kkm?.timeZone ?? "Asia/Almaty");
  const { first, last } = pager.range();
  const more = pager.nextCursor.value !== null;

  useEffect(() => {
    void model.kkm.load();
    void model.search();
  }, []);

  const onSubmit = (event: Event) => {
    event.preventDefault();
    void model.search();
  };

  return (
    <section>
      <h1>{t(kind === "Z" ? "kkmZHistoryTitle" : "kkmXHistoryTitle")}</h1>
      {kkm && <p class="muted">{kkm.internalName}</p>}
      <form class="card kkm-filters" onSubmit={onSubmit} noValidate>
        <TextField
          form={model.filters}
          name="from"
          label="kkmFilterFrom"
          type="date"
        />
        <TextField
          form={model.filters}
          name="to"
          label="kkmFilterTo"
          type="date"
        />
        <TextField
          form={model.filters}
          name="shiftNumber"
          label="kkmFilterShift"
          inputMode="numeric"
        />
        <button type="submit" class="primary" disabled={pager.loading.value}>
          {t("search")}
        </button>
      </form>
      <ErrorBox error={pager.error.value} />
      {pager.loaded.value && rows.length === 0 && (
        <EmptyState text="kkmReportsEmpty" />
      )}
      {groupByDay(rows, today).map((group) => (
        <section key={group.date} class="kkm-day">
          <h2>{group.label}</h2>
          {kind === "Z" ? (
            <ZTable id={id} rows={group.rows} />
          ) : (
            <XList id={id} rows={group.rows} />
          )}
        </section>
      ))}
      {pager.loading.value && <Loading />}
      {pager.loaded.value && rows.length > 0 && (
        <nav class="kkm-pager" aria-label={t("kkmPagerLabel")}>
          <button
            type="button"
            disabled={pager.pageIndex.value === 0 || pager.loading.value}
            onClick={() => void pager.previous()}
          >
            {t("kkmPrevious")}
          </button>
          <span data-testid="kkm-range">{rangeText(first, last, more)}</span>
          <button
            type="button"
            disabled={!more || pager.loading.value}
            onClick={() => void pager.next()}
          >
            {t("next")}
          </button>
        </nav>
      )}
    </section>
  );
}

function reportHref(id: string, report: ReportRow): string {
  return `/kkms/${encodeURIComponent(id)}/report/${report.id}`;
}

function ZTable({ id, rows }: { id: string; rows: ReportRow[] }) {
  const money = (tiyn: number) => formatTiyn(tiyn, language.value);
  return (
    <div class="table-wrap">
      <table data-testid="kkm-z-reports">
        <thead>
          <tr>
            <th>{t("kkmColTime")}</th>
            <th>{t("kkmColShift")}</th>
            <th class="kkm-number">{t("kkmColRevenue")}</th>
            <th class="kkm-number">{t("kkmColCash")}</th>
            <th class="kkm-number">{t("kkmColNonNullable")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} data-testid="kkm-report-row">
              <td>
                <a href={reportHref(id, row)}>{timeOf(row.localTime)}</a>
                {row.hasDiscrepancies && (
                  <span class="kkm-warning-badge">{t("kkmDiffers")}</span>
                )}
              </td>
              <td>{String(row.shiftNumber).padStart(4, "0")}</td>
              <td class="kkm-number">{money(row.revenue)}</td>
              <td class="kkm-number">{money(row.cash)}</td>
              <td class="kkm-number">{money(row.nonNullableSell)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function XList({ id, rows }: { id: string; rows: ReportRow[] }) {
  return (
    <ul class="kkm-x-list">
      {rows.map((row) => (
        <li key={row.id} data-testid="kkm-report-row">
          {t("kkmXEntry", {
            time: timeOf(row.localTime),
            shift: String(row.shiftNumber).padStart(4, "0"),
          })}{" "}
          <a href={reportHref(id, row)}>{t("kkmOpenReport")}</a>
        </li>
      ))}
    </ul>
  );
}
