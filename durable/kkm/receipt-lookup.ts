/**
 * The public receipt check inside a KKM's object: finds a receipt by its
 * fiscal sign or autonomous number, local date-time and total with one
 * indexed query, and builds the buyer's view from the stored
 * TicketRequest and the KKM's registration. Customer contacts are never
 * part of the view.
 */
import { fromBinary } from "@bufbuild/protobuf";
import {
  OperationTypeEnum,
  PaymentTypeEnum,
  TicketRequest_Item_ItemTypeEnum as ItemType,
  TicketRequestSchema,
  type TicketRequest,
  type TicketRequest_Item,
  type TicketRequest_Modifier,
  type TicketRequest_Tax,
} from "../../proto/messages";
import { toTiyn } from "../fiscal/money";
import { ticketTaxes } from "../fiscal/taxes";
import type {
  PublicReceipt,
  PublicReceiptLine,
  ReceiptQuery,
} from "./public-receipt";
import type { KkmRegistration } from "./registration";

export type { PublicReceipt, PublicReceiptLine, ReceiptQuery };

/** Tax type of VAT on the wire. */
const VAT_TAX_TYPE = 100;

/** Largest autonomous number: `offline_ticket_number` is a uint32. */
const MAX_OFFLINE_NUMBER = 0xffffffff;

/** A receipt row as the lookup reads it. */
export interface FoundReceiptRow {
  fiscalSign: string;
  offlineNumber: number | null;
  localTime: string;
  total: number;
  operation: number;
  shiftNumber: number;
  qrUrl: string;
  request: Uint8Array;
}

/**
 * The lookup statement; its parameters are the sign, the sign as an
 * autonomous number (or null), the local time range and the total.
 */
export const RECEIPT_LOOKUP_SQL = `SELECT fiscal_sign, offline_number,
    local_time, total, operation, shift_number, qr_url, request
  FROM receipts
  WHERE (fiscal_sign = ? OR offline_number = ?)
    AND local_time BETWEEN ? AND ? AND total = ?
  LIMIT 2`;

/**
 * Finds the receipt that matches `query` with one statement. Both branches
 * of the OR are indexed: fiscal_sign is UNIQUE, and receipts_offline_idx
 * covers (offline_number, local_time, total). `rowsRead` is SQLite's count
 * of rows the statement visited, so tests can see the cost.
 */
export function lookupReceipt(
  sql: SqlStorage,
  query: ReceiptQuery,
): { row: FoundReceiptRow | null; rowsRead: number } {
  const offlineNumber = offlineNumberOf(query.sign);
  const cursor = sql.exec<RawRow>(
    RECEIPT_LOOKUP_SQL,
    query.sign,
    offlineNumber,
    query.localTimeFrom,
    query.localTimeTo,
    query.total,
  );
  const rows = cursor.toArray();

  // An autonomous number can equal another receipt's fiscal sign; the
  // fiscal sign the OFD issued wins.
  const best =
    rows.find((row) => row.fiscal_sign === query.sign) ?? rows[0] ?? null;
  return { row: best ? toFoundRow(best) : null, rowsRead: cursor.rowsRead };
}

/** Finds a receipt and builds its public view; null when nothing matches. */
export function findPublicReceipt(
  sql: SqlStorage,
  registration: KkmRegistration | null,
  query: ReceiptQuery,
  ofdName: string,
): PublicReceipt | null {
  const { row } = lookupReceipt(sql, query);
  if (!row || !registration) return null;
  return publicReceiptOf(row, registration, ofdName);
}

/** Builds the buyer's view of a stored receipt. */
export function publicReceiptOf(
  row: FoundReceiptRow,
  registration: KkmRegistration,
  ofdName: string,
): PublicReceipt {
  const ticket = fromBinary(TicketRequestSchema, row.request);
  const amounts = ticket.amounts;
  const cashPaid = ticket.payments.some(
    (payment) => payment.type === PaymentTypeEnum.PAYMENT_CASH,
  );

  return {
    seller: {
      name: registration.organisation.title,
      iinBin: registration.organisation.iinBin,
    },
    pointOfSale: {
      name: registration.pointOfSale.title,
      address: registration.pointOfSale.address,
    },
    kkm: {
      kgdNumber: registration.kgdNumber,
      serialNumber: registration.serialNumber,
    },
    operation: OPERATION_NAMES[row.operation as OperationTypeEnum] ?? "sell",
    fiscalSign: row.fiscalSign,
    autonomous: row.offlineNumber !== null,
    autonomousNumber: row.offlineNumber,
    dateTime: row.localTime,
    shiftNumber: row.shiftNumber,
    documentNumber: ticket.shiftDocumentNumber || null,
    lines: ticket.items.map(lineOf),
    discount: toTiyn(amounts?.discount?.sum),
    markup: toTiyn(amounts?.markup?.sum),
    payments: ticket.payments.map((payment) => ({
      type: PAYMENT_NAMES[payment.type] ?? "cash",
      sum: toTiyn(payment.sum),
    })),
    vat: receiptVat(ticket),
    total: row.total,
    taken: cashPaid || amounts?.taken ? toTiyn(amounts?.taken) : null,
    change: cashPaid || amounts?.change ? toTiyn(amounts?.change) : null,
    ofdName,
    qrUrl: row.qrUrl,
  };
}

const OPERATION_NAMES: Record<OperationTypeEnum, PublicReceipt["operation"]> = {
  [OperationTypeEnum.OPERATION_BUY]: "buy",
  [OperationTypeEnum.OPERATION_BUY_RETURN]: "buy_return",
  [OperationTypeEnum.OPERATION_SELL]: "sell",
  [OperationTypeEnum.OPERATION_SELL_RETURN]: "sell_return",
};

const PAYMENT_NAMES: Record<
  PaymentTypeEnum,
  PublicReceipt["payments"][number]["type"]
> = {
  [PaymentTypeEnum.PAYMENT_CASH]: "cash",
  [PaymentTypeEnum.PAYMENT_CARD]: "card",
  [PaymentTypeEnum.PAYMENT_CREDIT]: "credit",
  [PaymentTypeEnum.PAYMENT_TARE]: "tare",
  [PaymentTypeEnum.PAYMENT_MOBILE]: "mobile",
};

function lineOf(item: TicketRequest_Item): PublicReceiptLine {
  const goods =
    item.type === ItemType.ITEM_TYPE_STORNO_COMMODITY
      ? item.stornoCommodity
      : item.commodity;
  if (
    goods &&
    (item.type === ItemType.ITEM_TYPE_COMMODITY ||
      item.type === ItemType.ITEM_TYPE_STORNO_COMMODITY)
  ) {
    return {
      kind:
        item.type === ItemType.ITEM_TYPE_COMMODITY
          ? "commodity"
          : "storno_commodity",
      name: goods.name,
      quantity: Number(goods.quantity),
      unitPrice: toTiyn(goods.price),
      sum: toTiyn(goods.sum),
      vat: vatOf(goods.taxes),
      measureUnitCode: goods.measureUnitCode || null,
      barcode: goods.barcode || null,
    };
  }

  const [kind, modifier] = modifierOf(item);
  return {
    kind,
    name: modifier?.name ?? "",
    quantity: null,
    unitPrice: null,
    sum: toTiyn(modifier?.sum),
    vat: vatOf(modifier?.taxes ?? []),
    measureUnitCode: null,
    barcode: null,
  };
}

function modifierOf(
  item: TicketRequest_Item,
): [PublicReceiptLine["kind"], TicketRequest_Modifier | undefined] {
  switch (item.type) {
    case ItemType.ITEM_TYPE_STORNO_MARKUP:
      return ["storno_markup", item.stornoMarkup];
    case ItemType.ITEM_TYPE_DISCOUNT:
      return ["discount", item.discount];
    case ItemType.ITEM_TYPE_STORNO_DISCOUNT:
      return ["storno_discount", item.stornoDiscount];
    default:
      return ["markup", item.markup];
  }
}

function vatOf(
  taxes: TicketRequest_Tax[],
): { percent: number; sum: number } | null {
  const vat = taxes.find((tax) => tax.taxType === VAT_TAX_TYPE);
  return vat ? { percent: vat.percent, sum: toTiyn(vat.sum) } : null;
}

/** VAT per rate, from the lines or from the receipt-level taxes. */
function receiptVat(ticket: TicketRequest): PublicReceipt["vat"] {
  return ticketTaxes(ticket)
    .filter((share) => share.taxType === VAT_TAX_TYPE)
    .map((share) => ({ percent: share.percent, sum: share.sum }));
}

/** Returns the sign as an autonomous number, or null when it cannot be one. */
function offlineNumberOf(sign: string): number | null {
  if (sign.length > 10) return null;
  const value = Number(sign);
  return value <= MAX_OFFLINE_NUMBER ? value : null;
}

type RawRow = {
  fiscal_sign: string;
  offline_number: number | null;
  local_time: string;
  total: number;
  operation: number;
  shift_number: number;
  qr_url: string;
  request: ArrayBuffer;
};

function toFoundRow(row: RawRow): FoundReceiptRow {
  return {
    fiscalSign: row.fiscal_sign,
    offlineNumber: row.offline_number,
    localTime: row.local_time,
    total: row.total,
    operation: row.operation,
    shiftNumber: row.shift_number,
    qrUrl: row.qr_url,
    request: new Uint8Array(row.request),
  };
}
