/** KKM management calls: activation, search, live state, receipts, reports. */
import type { PublicReceipt } from "../../../durable/kkm/public-receipt";
import type { UpdateKkmInput } from "../lib/kkm-edit-rules";
import { query, request } from "./client";
import type { Page } from "./types";

export type { PublicReceipt, UpdateKkmInput };

/** One receipt of a KKM's transaction list; amounts in tiyn. */
export interface TransactionRow {
  id: number;
  fiscalSign: string;
  /** The register's own number when the receipt was made offline. */
  autonomousNumber: number | null;
  /** Register's local time, `YYYY-MM-DDTHH:mm:ss`. */
  localTime: string;
  receivedAt: string;
  shiftNumber: number;
  operation: "sell" | "buy" | "sell_return" | "buy_return";
  paymentTypes: ("cash" | "card" | "mobile" | "other")[];
  total: number;
}

/** Rows per page the KKM pages request. */
export const PAGE_SIZE = 20;

/** Device types of the activation form. */
export const DEVICE_TYPES = [
  "pos-system",
  "fiscal-registrar",
  "cloud",
  "mobile",
] as const;

export type DeviceType = (typeof DEVICE_TYPES)[number];

/** VPN connection methods of the activation form. */
export const CONNECTION_METHODS = ["wired", "wireless"] as const;

export type ConnectionMethod = (typeof CONNECTION_METHODS)[number];

/** Filers of the activation application. */
export const FILERS = ["organisation", "cto"] as const;

export type FiledBy = (typeof FILERS)[number];

/** Registration statuses of a KKM. */
export const KKM_STATUSES = [
  "registered",
  "activated",
  "blocked",
  "deregistered",
] as const;

export type KkmStatus = (typeof KKM_STATUSES)[number];

/** An approved KKM model from the state register. */
export interface KkmModel {
  id: string;
  name: string;
  manufacturer: string;
}

/** A point of sale of the organisation. */
export interface PointOfSale {
  id: string;
  title: string;
  city: string;
  address: string;
  addressKz?: string | null;
}

/** Fields of a new point of sale. */
export interface NewPointOfSale {
  title: string;
  city: string;
  address: string;
}

/** The KKM as the registry stores it. */
export interface Kkm {
  /** System id issued by the OFD. */
  id: number;
  kgdNumber: string;
  previousKgdNumber: string | null;
  serialNumber: string;
  modelId: string | null;
  /** The model's display name. */
  model: string;
  internalName: string;
  pointOfSaleId: string;
  timeZone: string;
  deviceType: DeviceType;
  connectionMethod: ConnectionMethod | null;
  operatingSystem: string | null;
  filedBy: FiledBy | null;
  status: KkmStatus;
  /** Reason the KKM is blocked or deregistered. */
  blockReason: string | null;
  registeredAt: string;
  activatedAt: string | null;
  deregisteredAt: string | null;
}

/** Link and shift state from the KKM's object. */
export interface KkmLiveStatus {
  online: boolean;
  lastContactAt: string | null;
  offlineSince: string | null;
  autonomousLimitPassedAt: string | null;
  openShiftNumber: number | null;
  offlineEpisodes: unknown[];
  receiptCount?: number;
}

/** The open shift: number, opening local time and sales sum in tiyn. */
export interface ShiftSummary {
  shiftNumber: number | null;
  openedLocal: string | null;
  salesTotal: number;
  lastClosedShiftNumber?: number | null;
}

/** A KKM with its point of sale and live state. */
export interface KkmDetails extends Kkm {
  pointOfSale: PointOfSale;
  live: KkmLiveStatus | null;
  shift: ShiftSummary | null;
}

/** Fields of the activation form as the API takes them. */
export interface ActivateKkmInput {
  kgdNumber: string;
  serialNumber: string;
  modelId: string;
  internalName: string;
  pointOfSaleId?: string;
  newPointOfSale?: NewPointOfSale;
  timeZone: string;
  deviceType: DeviceType;
  connectionMethod: ConnectionMethod;
  operatingSystem: string;
  filedBy: FiledBy;
}

/** The activated KKM and its first token, shown once. */
export interface ActivatedKkm {
  kkm: Kkm;
  token: number;
}

/** KKMs of one point of sale in the search results. */
export interface KkmGroup {
  pointOfSale: PointOfSale;
  kkms: Kkm[];
}

/** Filters of the KKM search. */
export interface KkmFilters {
  query?: string;
  pointOfSaleId?: string;
  status?: string;
  registeredFrom?: string;
  registeredTo?: string;
  deviceType?: string;
  kgdNumber?: string;
}

/** One X or Z report in a history. */
export interface ReportRow {
  id: number;
  kind: "Z" | "X";
  shiftNumber: number;
  sequence: number;
  /** Register's local time, `YYYY-MM-DDTHH:mm:ss`. */
  localTime: string;
  revenue: number;
  cash: number;
  nonNullableSell: number;
  hasDiscrepancies: boolean;
}

/** Count and sum in tiyn of one operation. */
export interface CountSum {
  count: number;
  sum: number;
}

/** Counts and sums per operation. */
export interface OperationTotals {
  sell: CountSum;
  buy: CountSum;
  sellReturn: CountSum;
  buyReturn: CountSum;
}

/** One section's line of a report. */
export interface SectionTotals extends OperationTotals {
  section: string;
}

/** Non-nullable (since registration) sums in tiyn per operation. */
export interface NonNullableTotals {
  sell: number;
  buy: number;
  sellReturn: number;
  buyReturn: number;
}

/** A report's figures as the page shows them. */
export interface ReportSummary {
  sections: SectionTotals[];
  /** Sums over the sections. */
  totals: OperationTotals;
  /** Whole receipts per operation, as the register counts them. */
  totalResult: OperationTotals;
  revenue: number;
  cash: number;
  /** Non-nullable sums at the report and at the shift's start. */
  nonNullable: NonNullableTotals;
  startNonNullable: NonNullableTotals;
}

/** Header of a report: organisation, KKM and shift. */
export interface ReportHeader {
  organisationName: string;
  iinBin: string;
  kkmId: number;
  kgdNumber: string;
  previousKgdNumber: string | null;
  internalName: string;
  pointOfSaleName: string;
  pointOfSaleAddress: string;
  localTime: string;
  shiftNumber: number;
}

/** A report with its header and, when it differed, the register's own. */
export interface ReportDetail {
  id: number;
  kind: "Z" | "X";
  header: ReportHeader;
  summary: ReportSummary;
  registerSummary: ReportSummary | null;
  discrepancies: string[];
}

/** A receipt found by the organisation-wide search. */
export interface ReceiptIndexItem {
  kkmId: number;
  fiscalSign: string;
  autonomousNumber: number | null;
  shiftNumber: number;
  operation: TransactionRow["operation"];
  localTime: string;
  total: number;
}

/** Filters of the organisation-wide receipt search. */
export interface ReceiptFilters {
  fiscalSign?: string;
  from?: string;
  to?: string;
  minTotal?: number;
  maxTotal?: number;
  kkmId?: string;
}

/** Filters of a report history. */
export interface ReportFilters {
  kind: "Z" | "X";
  from?: string;
  to?: string;
  shiftNumber?: string;
}

/** Loads the approved KKM models. */
export async function fetchModels(): Promise<KkmModel[]> {
  return unwrapItems(await request("GET", "/api/kkms/models"));
}

/** Loads the organisation's points of sale. */
export async function fetchPointsOfSale(): Promise<PointOfSale[]> {
  return unwrapItems(await request("GET", "/api/kkms/points-of-sale"));
}

/** Activates a KKM. The response carries its token, which the API never returns again. */
export function activateKkm(input: ActivateKkmInput): Promise<ActivatedKkm> {
  return request("POST", "/api/kkms", input);
}

/** Loads one page of the KKM search, grouped by point of sale. */
export function searchKkms(
  filters: KkmFilters,
  cursor: string | null,
): Promise<{ groups: KkmGroup[]; nextCursor: string | null }> {
  return request(
    "GET",
    `/api/kkms${query({ ...filters, cursor, limit: PAGE_SIZE })}`,
  );
}

/** Loads a KKM with its live state. */
export function fetchKkm(id: string): Promise<KkmDetails> {
  return request("GET", `/api/kkms/${encodeURIComponent(id)}`);
}

/** Issues a new token; the old one stops working at once. */
export function resetToken(id: string): Promise<{ token: number }> {
  return request("POST", `/api/kkms/${encodeURIComponent(id)}/token`);
}

/** Edits a KKM; a new KGD number keeps the old one as previous. */
export async function updateKkm(
  id: string,
  changes: UpdateKkmInput,
): Promise<Kkm> {
  const body = await request<{ kkm: Kkm }>(
    "PUT",
    `/api/kkms/${encodeURIComponent(id)}`,
    changes,
  );
  return body.kkm;
}

/** Deregisters a KKM; its data is kept. */
export function deregisterKkm(id: string, reason: string): Promise<unknown> {
  return request("POST", `/api/kkms/${encodeURIComponent(id)}/deregister`, {
    reason,
  });
}

/** Loads a page of a KKM's receipts for a local date or a shift. */
export function fetchTransactions(
  id: string,
  filter: { date?: string; shiftNumber?: string },
  cursor: string | null,
): Promise<Page<TransactionRow>> {
  return request(
    "GET",
    `/api/kkms/${encodeURIComponent(id)}/transactions${query({ ...filter, cursor, limit: PAGE_SIZE })}`,
  );
}

/** Loads a KKM's receipt by its fiscal sign. */
export function fetchReceipt(
  id: string,
  fiscalSign: string,
): Promise<PublicReceipt> {
  return request(
    "GET",
    `/api/kkms/${encodeURIComponent(id)}/receipts/${encodeURIComponent(fiscalSign)}`,
  );
}

/** Loads a page of a KKM's X or Z report history. */
export function fetchReports(
  id: string,
  filters: ReportFilters,
  cursor: string | null,
): Promise<Page<ReportRow>> {
  return request(
    "GET",
    `/api/kkms/${encodeURIComponent(id)}/reports${query({ ...filters, cursor, limit: PAGE_SIZE })}`,
  );
}

/** Loads one report with its header. */
export function fetchReport(
  id: string,
  reportId: string,
): Promise<ReportDetail> {
  return request(
    "GET",
    `/api/kkms/${encodeURIComponent(id)}/reports/${encodeURIComponent(reportId)}`,
  );
}

/** Loads a page of the organisation-wide receipt search. */
export function searchReceipts(
  filters: ReceiptFilters,
  cursor: string | null,
): Promise<Page<ReceiptIndexItem>> {
  return request(
    "GET",
    `/api/receipts${query({ ...filters, cursor, limit: PAGE_SIZE })}`,
  );
}

/** The CSV export URL of receipts or reports for the filters. */
export function exportUrl(
  kind: "receipts" | "reports",
  filters: { from?: string; to?: string; kkmId?: string; kind?: string },
): string {
  return `/api/exports/${kind}.csv${query(filters)}`;
}

/** The WebSocket URL of a KKM's live feed, on the page's own host. */
export function liveUrl(id: string): string {
  const scheme = location.protocol === "https:" ? "wss:" : "ws:";
  return `${scheme}//${location.host}/api/kkms/${encodeURIComponent(id)}/live`;
}

/** Takes the list of a plain array answer or of an `{ items }` envelope. */
function unwrapItems<T>(body: T[] | { items: T[] }): T[] {
  return Array.isArray(body) ? body : body.items;
}
