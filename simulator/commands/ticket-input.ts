/** Turns receipt options and the state into a ReceiptInput. */
import { OperationTypeEnum } from "../../proto/messages";
import {
  invalid,
  parseAmountOption,
  parseCustomerIin,
  parseItem,
  parseLineModifier,
  parsePayment,
  parseVat,
  UsageError,
} from "../args";
import { formatLocalDateTime, parseLocalDateTime } from "../clock";
import type { ParentReference, ReceiptInput, ReceiptLine } from "../receipt";
import type { CommandContext } from "../session";
import type { ReceiptOperation, ReceiptRecord, StoredLine } from "../state";

/** Protocol operation code of each receipt operation. */
export const OPERATION_CODES: Record<ReceiptOperation, OperationTypeEnum> = {
  sell: OperationTypeEnum.OPERATION_SELL,
  buy: OperationTypeEnum.OPERATION_BUY,
  "sell-return": OperationTypeEnum.OPERATION_SELL_RETURN,
  "buy-return": OperationTypeEnum.OPERATION_BUY_RETURN,
};

/** The operation a return reverses. */
const RETURNED_OPERATION: Partial<Record<ReceiptOperation, ReceiptOperation>> =
  {
    "sell-return": "sell",
    "buy-return": "buy",
  };

/** Builds the receipt input for `operation` from the command line. */
export function receiptInput(
  context: CommandContext,
  operation: ReceiptOperation,
): ReceiptInput {
  const { values, global } = context.args;
  const state = context.state;
  const strings = (name: string) =>
    (values[name] as string[] | undefined) ?? [];
  const text = (name: string) => values[name] as string | undefined;

  const parent = RETURNED_OPERATION[operation]
    ? findParent(context, RETURNED_OPERATION[operation]!)
    : undefined;
  const itemTexts = strings("item");
  const lines =
    itemTexts.length > 0
      ? itemTexts.map(parseItem)
      : (parent?.record.lines.map(toLine) ?? []);

  const discount = text("discount");
  const markup = text("markup");
  const taken = text("taken");

  return {
    protocol: state.protocol,
    operation: OPERATION_CODES[operation],
    dateTime: context.now(),
    operator: global.operator,
    lines,
    lineModifiers: [
      ...strings("line-discount").map((value) =>
        parseLineModifier("discount", value),
      ),
      ...strings("line-markup").map((value) =>
        parseLineModifier("markup", value),
      ),
    ],
    vatPercent: parseVat(text("vat")),
    payments: strings("pay").map(parsePayment),
    taken:
      taken === undefined ? undefined : parseAmountOption("--taken", taken),
    discount:
      discount === undefined
        ? undefined
        : parseAmountOption("--discount", discount),
    markup:
      markup === undefined ? undefined : parseAmountOption("--markup", markup),
    customerIinOrBin: parseCustomerIin(text("customer-iin")),
    shiftNumber: state.shiftNumber,
    parent: parent?.reference,
  };
}

/** Converts receipt lines to the form kept in the state file. */
export function storedLines(lines: ReceiptLine[]): StoredLine[] {
  return lines.map((line) => ({
    name: line.name,
    price: line.price.toString(),
    quantity: line.quantity.toString(),
    section: line.section,
  }));
}

/** Starts the state record of a receipt; the fiscal sign comes later. */
export function receiptRecord(
  input: ReceiptInput,
  operation: ReceiptOperation,
  total: bigint,
  reqNum: number,
): ReceiptRecord {
  return {
    operation,
    dateTime: formatLocalDateTime(input.dateTime),
    total: total.toString(),
    lines: storedLines(input.lines),
    reqNum,
    ...(input.offlineTicketNumber === undefined
      ? {}
      : { offlineNumber: input.offlineTicketNumber }),
  };
}

function findParent(
  context: CommandContext,
  returned: ReceiptOperation,
): { record: ReceiptRecord; reference: ParentReference } {
  const { state } = context;
  const requested = context.args.values.parent as string | undefined;

  const candidates = state.receipts.filter(
    (receipt) => receipt.operation === returned,
  );
  const record =
    requested === undefined
      ? candidates.at(-1)
      : candidates.find(
          (receipt) =>
            receipt.fiscalSign === requested ||
            String(receipt.offlineNumber) === requested,
        );
  if (!record) {
    throw requested === undefined
      ? new UsageError(
          `missing --parent: the state file has no ${returned} receipt to ` +
            "return; pass --parent <fiscal sign>",
        )
      : invalid(
          "--parent",
          requested,
          `the fiscal sign of a ${returned} receipt in the state file`,
        );
  }

  const kgdNumber = state.kgdNumber;
  if (!kgdNumber && state.protocol === 203) {
    throw new UsageError(
      "missing --kgd: a return names the KGD number of the register; run " +
        "`info` or pass --kgd",
    );
  }

  // A receipt made offline is known to the buyer by its autonomous number.
  // NOTE: the protocol does not say which number an OFD expects for an
  // autonomous parent that already has a fiscal sign; this sends the
  // autonomous one together with parent_ticket_is_offline = true.
  const offline = record.offlineNumber !== undefined;
  const fiscalSign = offline
    ? String(record.offlineNumber)
    : (record.fiscalSign ?? "");
  const dateTime = parseLocalDateTime(record.dateTime);
  if (!dateTime) {
    throw new UsageError(
      `invalid receipt date "${record.dateTime}" in the state file`,
    );
  }
  return {
    record,
    reference: {
      fiscalSign,
      dateTime,
      kgdNumber: kgdNumber ?? "",
      total: BigInt(record.total),
      offline,
    },
  };
}

function toLine(line: StoredLine): ReceiptLine {
  return {
    name: line.name,
    price: BigInt(line.price),
    quantity: BigInt(line.quantity),
    section: line.section,
  };
}
