/**
 * The receipt-check URL printed as the receipt's QR code, in the layout
 * registers and buyers' apps expect:
 * `<check page>?i=<fiscal sign>&f=<KGD number>&s=<total>&t=<yyyyMMddTHHmmss>`.
 */
import { formatTenge } from "../fiscal/money";
import { toQrTime } from "../fiscal/date-time";

export interface ReceiptQrFields {
  fiscalSign: string;
  kgdNumber: string;
  totalTiyn: number;
  localTime: string;
}

/** Builds the QR URL of a receipt on the check page `baseUrl`. */
export function receiptQrUrl(baseUrl: string, fields: ReceiptQrFields): string {
  const query = [
    `i=${fields.fiscalSign}`,
    `f=${fields.kgdNumber}`,
    `s=${formatTenge(fields.totalTiyn)}`,
    `t=${toQrTime(fields.localTime)}`,
  ].join("&");
  return `${baseUrl}?${query}`;
}
