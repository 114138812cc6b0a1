/**
 * Checks of a receipt's payments against its total and the cash handed
 * over.
 */
import { isFieldSet } from "@bufbuild/protobuf";
import {
  PaymentTypeEnum,
  TicketRequest_PaymentSchema,
  type TicketRequest,
} from "../../proto/messages";
import { formatTenge } from "./money";
import { paymentName } from "./report-names";
import { hasUnknownValue, reject, requireMoney } from "./validate-problem";

/**
 * Payments: known types, at most one per type, adding up to the total.
 * With cash, taken and change are required and taken - change is the cash
 * payment (which is net of change). Change without cash is rejected, but
 * taken and change of 0 are accepted, as some registers always send them.
 */
export function checkPayments(ticket: TicketRequest, total: number): void {
  const seen = new Set<PaymentTypeEnum>();
  let paid = 0;
  let cash: number | null = null;

  ticket.payments.forEach((payment, index) => {
    const path = `payments[${index}]`;
    const typeField = TicketRequest_PaymentSchema.field.type;
    if (hasUnknownValue(payment, typeField.number)) {
      reject(`${path}.type`, "is not a known payment type");
    }
    if (!isFieldSet(payment, typeField)) reject(`${path}.type`, "is missing");

    const name = paymentName(payment.type);
    if (
      payment.type === PaymentTypeEnum.PAYMENT_CREDIT ||
      payment.type === PaymentTypeEnum.PAYMENT_TARE
    ) {
      reject(`${path}.type`, `${name} is deprecated; use CASH, CARD or MOBILE`);
    }
    if (seen.has(payment.type)) reject(`${path}.type`, `${name} appears twice`);
    seen.add(payment.type);

    const sum = requireMoney(`${path}.sum`, payment.sum);
    paid += sum;
    if (payment.type === PaymentTypeEnum.PAYMENT_CASH) cash = sum;
  });

  if (paid !== total) {
    reject(
      "payments",
      `sum ${formatTenge(paid)} does not equal amounts.total ${formatTenge(total)}`,
    );
  }

  const amounts = ticket.amounts;
  const change = amounts?.change;
  if (cash === null) {
    const changeSum = change ? requireMoney("amounts.change", change) : 0;
    if (changeSum > 0) {
      reject(
        "amounts.change",
        `${formatTenge(changeSum)} without a cash payment`,
      );
    }
    return;
  }

  const taken = requireMoney("amounts.taken", amounts?.taken);
  const changeSum = requireMoney("amounts.change", change);
  if (changeSum > taken) {
    reject(
      "amounts.change",
      `${formatTenge(changeSum)} exceeds amounts.taken ${formatTenge(taken)}`,
    );
  }
  if (taken - changeSum !== cash) {
    reject(
      "amounts.taken",
      `${formatTenge(taken)} - change ${formatTenge(changeSum)} = ` +
        `${formatTenge(taken - changeSum)} does not equal the cash payment ` +
        `${formatTenge(cash)}`,
    );
  }
}
