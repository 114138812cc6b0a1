import { Fragment } from "preact";
import { useEffect } from "preact/hooks";
import {
  fetchReport,
  type CountSum,
  type OperationTotals,
  type ReportDetail,
  type ReportSummary,
} from "../../api/kkms";
import { DataList } from "../../components/DataList";
import { ErrorBox } from "../../components/ErrorBox";
import { Guard } from "../../components/Guard";
import { Loading } from "../../components/Loading";
import { t, type TextKey } from "../../i18n";
import { useModel } from "../../lib/use-model";
import { language } from "../../models/language-model";
import { createResource } from "../../models/resource-model";
import { formatLocalDateTime, formatTiyn } from "../check/receipt-format";
import "./kkms.css";

/** Props of KkmReportPage, from the route. */
export interface KkmReportPageProps {
  id?: string;
  reportId?: string;
}

/** Shows one X or Z report, laid out to print or save as PDF. */
export function KkmReportPage({ id = "", reportId = "" }: KkmReportPageProps) {
  return (
    <Guard kind="taxpayer" right="view_reports">
      <ReportBody id={id} reportId={reportId} />
    </Guard>
  );
}

const OPERATIONS: { key: keyof OperationTotals; label: TextKey }[] = [
  { key: "sell", label: "kkmOperation_sell" },
  { key: "buy", label: "kkmOperation_buy" },
  { key: "sellReturn", label: "kkmOperation_sell_return" },
  { key: "buyReturn", label: "kkmOperation_buy_return" },
];

function ReportBody({ id, reportId }: Required<KkmReportPageProps>) {
  const report = useModel(() =>
    createResource(() => fetchReport(id, reportId)),
  );

  useEffect(() => {
    void report.load();
  }, []);

  const detail = report.data.value;
  return (
    <section class="kkm-printable kkm-report">
      <p class="no-print">
        <a
          href={`/kkms/${encodeURIComponent(id)}/reports/${detail?.kind === "X" ? "x" : "z"}`}
        >
          {t("kkmBackToHistory")}
        </a>
      </p>
      <ErrorBox error={report.error.value} />
      {report.loading.value && <Loading />}
      {detail && <ReportContent detail={detail} />}
    </section>
  );
}

function ReportContent({ detail }: { detail: ReportDetail }) {
  const header = detail.header;
  const differs = detail.discrepancies.length > 0;

  return (
    <>
      <h1 data-testid="kkm-report-title">
        {t(detail.kind === "Z" ? "kkmZReportTitle" : "kkmXReportTitle", {
          shift: String(header.shiftNumber).padStart(4, "0"),
        })}
      </h1>
      {differs && (
        <div class="kkm-differs" role="alert" data-testid="kkm-report-differs">
          <strong>{t("kkmReportDiffers")}</strong>
          <ul>
            {detail.discrepancies.map((text) => (
              <li key={text}>{text}</li>
            ))}
          </ul>
        </div>
      )}
      <DataList
        rows={[
          { label: "kkmReportOrganisation", value: header.organisationName },
          { label: "kkmReportIinBin", value: header.iinBin },
          { label: "kkmSystemId", value: String(header.kkmId) },
          { label: "kkmFieldKgdNumber", value: header.kgdNumber },
          {
            label: "kkmPreviousKgdNumber",
            value: header.previousKgdNumber ?? "",
          },
          { label: "kkmFieldInternalName", value: header.internalName },
          { label: "kkmPointOfSaleName", value: header.pointOfSaleName },
          { label: "kkmPointOfSaleAddress", value: header.pointOfSaleAddress },
          {
            label: "kkmReportDateTime",
            value: formatLocalDateTime(header.localTime),
          },
          { label: "kkmColShift", value: String(header.shiftNumber) },
        ]}
      />
      <SummaryTables summary={detail.summary} testId="kkm-report-summary" />
      {differs && detail.registerSummary && (
        <>
          <h2>{t("kkmRegisterReport")}</h2>
          <SummaryTables
            summary={detail.registerSummary}
            testId="kkm-register-summary"
          />
        </>
      )}
      <button type="button" class="no-print" onClick={() => window.print()}>
        {t("kkmPrint")}
      </button>
    </>
  );
}

interface SummaryTablesProps {
  summary: ReportSummary;
  testId: string;
}

function SummaryTables({ summary, testId }: SummaryTablesProps) {
  const money = (tiyn: number) => formatTiyn(tiyn, language.value);
  const cells = (key: string, entry: CountSum) => (
    <Fragment key={key}>
      <td class="kkm-number">{entry.count}</td>
      <td class="kkm-number">{money(entry.sum)}</td>
    </Fragment>
  );

  return (
    <div data-testid={testId}>
      <h2>{t("kkmReportSections")}</h2>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th rowSpan={2}>{t("kkmReportSection")}</th>
              {OPERATIONS.map((operation) => (
                <th key={operation.key} colSpan={2}>
                  {t(operation.label)}
                </th>
              ))}
            </tr>
            <tr>
              {OPERATIONS.map((operation) => (
                <Fragment key={operation.key}>
                  <th class="kkm-number">{t("kkmReportCount")}</th>
                  <th class="kkm-number">{t("kkmReportSum")}</th>
                </Fragment>
              ))}
            </tr>
          </thead>
          <tbody>
            {summary.sections.map((section) => (
              <tr key={section.section}>
                <td>{section.section}</td>
                {OPERATIONS.map((operation) =>
                  cells(operation.key, section[operation.key]),
                )}
              </tr>
            ))}
            <tr class="kkm-total-row" data-testid="kkm-report-totals">
              <th scope="row">{t("kkmReportTotals")}</th>
              {OPERATIONS.map((operation) =>
                cells(operation.key, summary.totals[operation.key]),
              )}
            </tr>
          </tbody>
        </table>
      </div>
      <dl class="data-list">
        <div class="data-row">
          <dt>{t("kkmColRevenue")}</dt>
          <dd data-testid="kkm-report-revenue">{money(summary.revenue)}</dd>
        </div>
        <div class="data-row">
          <dt>{t("kkmColCash")}</dt>
          <dd data-testid="kkm-report-cash">{money(summary.cash)}</dd>
        </div>
        {OPERATIONS.map((operation) => (
          <div class="data-row" key={`start-${operation.key}`}>
            <dt>
              {t("kkmReportStartNonNullable", {
                operation: t(operation.label),
              })}
            </dt>
            <dd>{money(summary.startNonNullable[operation.key])}</dd>
          </div>
        ))}
        {OPERATIONS.map((operation) => (
          <div class="data-row" key={operation.key}>
            <dt>
              {t("kkmReportNonNullable", { operation: t(operation.label) })}
            </dt>
            <dd data-testid={`kkm-report-non-nullable-${operation.key}`}>
              {money(summary.nonNullable[operation.key])}
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
