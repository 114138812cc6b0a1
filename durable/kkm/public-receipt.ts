/**
 * The public receipt check's data: what a buyer requests and the receipt
 * view the check returns. Plain types, so the Worker, its OpenAPI schema
 * and Node tests share them without the Durable Object runtime.
 */

/** Fields a buyer gives to find a receipt in one KKM. */
export interface ReceiptQuery {
  /** Fiscal sign, or the autonomous number of an offline receipt; digits. */
  sign: string;
  /** Receipt total in tiyn. */
  total: number;
  /** Earliest local time, `YYYY-MM-DDTHH:mm:ss`, inclusive. */
  localTimeFrom: string;
  /** Latest local time, inclusive; equals `localTimeFrom` for a full time. */
  localTimeTo: string;
}

/** One line of the receipt: goods, storno, discount or markup. */
export interface PublicReceiptLine {
  kind:
    | "commodity"
    | "storno_commodity"
    | "markup"
    | "storno_markup"
    | "discount"
    | "storno_discount";
  name: string;
  /** Quantity in thousandths (1500 is 1.5); null for discounts and markups. */
  quantity: number | null;
  /** Unit price in tiyn; null for discounts and markups. */
  unitPrice: number | null;
  /** Line amount in tiyn, taxes included, unsigned as on the wire. */
  sum: number;
  /** VAT of the line: percent in thousandths, sum in tiyn; null when none. */
  vat: { percent: number; sum: number } | null;
  measureUnitCode: string | null;
  barcode: string | null;
}

/** A receipt as the public check shows it; amounts in tiyn. */
export interface PublicReceipt {
  seller: { name: string; iinBin: string };
  pointOfSale: { name: string; address: string };
  kkm: { kgdNumber: string; serialNumber: string };
  operation: "buy" | "buy_return" | "sell" | "sell_return";
  fiscalSign: string;
  /** True for a receipt made while the KKM worked without the OFD. */
  autonomous: boolean;
  /** The KKM's own number of an autonomous receipt, or null. */
  autonomousNumber: number | null;
  /** Local date-time of the receipt on the KKM, `YYYY-MM-DDTHH:mm:ss`. */
  dateTime: string;
  shiftNumber: number;
  /** Document number within the shift, when the KKM sent one. */
  documentNumber: number | null;
  lines: PublicReceiptLine[];
  /** Receipt-level discount and markup in tiyn, 0 when absent. */
  discount: number;
  markup: number;
  payments: {
    type: "cash" | "card" | "credit" | "tare" | "mobile";
    sum: number;
  }[];
  /** VAT of the whole receipt per rate: percent in thousandths, sum in tiyn. */
  vat: { percent: number; sum: number }[];
  total: number;
  /** Cash handed over and change given, when paid in cash. */
  taken: number | null;
  change: number | null;
  ofdName: string;
  /** The check URL printed as the receipt's QR code. */
  qrUrl: string;
}
