/**
 * Receipt input of a lottery entry: the receipt's QR link pasted whole, or
 * the four numbers printed on it. Both become the receipt check's parameters.
 */
import type { CheckParams } from "../receipt-check";

/** Formats of the four receipt check parameters, as in the QR link. */
const PARAM_RULES: Record<
  keyof CheckParams,
  { pattern: RegExp; expected: string }
> = {
  i: { pattern: /^\d{1,19}$/, expected: "1 to 19 digits, the fiscal sign" },
  f: { pattern: /^\d{12}$/, expected: "the 12-digit KGD registration number" },
  s: {
    pattern: /^\d{1,16}(\.\d{1,2})?$/,
    expected: "the total in tenge with up to 2 decimals after a dot",
  },
  t: {
    pattern: /^\d{8}T\d{4}(\d{2})?$/,
    expected: "the local date and time as yyyyMMddTHHmmss",
  },
};

/** The receipt as the request gave it: a QR link or the four fields. */
export type ReceiptInput =
  { qrUrl: string } | { i: string; f: string; s: string; t: string };

/** Parameters of the receipt and the request field each one came from. */
export interface ReceiptParams {
  params: CheckParams;
  /** The request field that names check parameter `key`. */
  fieldOf(key: keyof CheckParams): string;
}

/** Reads the check parameters of a receipt input; a problem names the field. */
export function receiptParams(
  input: ReceiptInput,
): ReceiptParams | { field: string; message: string } {
  if (!("qrUrl" in input)) {
    return { params: { ...input }, fieldOf: (key) => key };
  }

  let url: URL;
  try {
    url = new URL(input.qrUrl.trim());
  } catch {
    return {
      field: "qrUrl",
      message:
        "is not a URL; paste the whole link of the receipt's QR code, e.g. https://…/check?i=…&f=…&s=…&t=…",
    };
  }

  const params = { i: "", f: "", s: "", t: "" };
  for (const key of ["i", "f", "s", "t"] as const) {
    const value = url.searchParams.get(key);
    const rule = PARAM_RULES[key];
    if (value === null) {
      return {
        field: "qrUrl",
        message: `has no parameter ${key} (${rule.expected}); paste the whole link of the receipt's QR code`,
      };
    }
    if (!rule.pattern.test(value)) {
      return {
        field: "qrUrl",
        message: `parameter ${key}=${value} is invalid; expected ${rule.expected}`,
      };
    }
    params[key] = value;
  }
  return { params, fieldOf: (key) => `qrUrl (parameter ${key})` };
}
