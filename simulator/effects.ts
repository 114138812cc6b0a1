/**
 * State changes an accepted response makes. Shared by the commands and by
 * `resend`, which may deliver the response a command lost.
 */
import {
  CommandTypeEnum,
  ReportTypeEnum,
  type Response,
  type ZXReport,
} from "../proto/messages";
import { recordReceipt, type KkmState, type LastExchange } from "./state";

/**
 * Applies an OK response to the exchange `last` once: records the receipt or
 * its fiscal sign, removes a delivered queued document, moves the shift.
 */
export function applyAnswer(
  state: KkmState,
  last: LastExchange,
  response: Response,
): void {
  if (response.result?.resultCode !== 0 || last.applied) return;
  last.applied = true;

  if (last.queued) {
    const queued = last.queued;
    state.queue = state.queue.filter(
      (entry) =>
        entry.reqNum !== queued.reqNum || entry.createdAt !== queued.createdAt,
    );
  }

  switch (response.command) {
    case CommandTypeEnum.COMMAND_TICKET:
      applyTicket(state, last, response);
      break;
    case CommandTypeEnum.COMMAND_CLOSE_SHIFT:
      if (!last.queued) closeShiftLocally(state, response.report?.zxReport);
      break;
    case CommandTypeEnum.COMMAND_INFO:
      applyInfo(state, response);
      break;
    default:
      break;
  }
}

/** Marks the shift closed; the next document opens the following one. */
export function closeShiftLocally(state: KkmState, z?: ZXReport): void {
  if (z && z.shiftNumber > 0) state.shiftNumber = z.shiftNumber + 1;
  else if (state.shiftNumber !== undefined) state.shiftNumber += 1;
  state.shiftOpen = false;
}

/** Copies shift state and registration data from a COMMAND_INFO response. */
export function applyInfo(state: KkmState, response: Response): void {
  const report = response.report;
  const z = report?.zxReport;
  if (report && z) {
    // REPORT_X: shift open. REPORT_Z with a close time: that shift is closed
    // and the next one starts with the next document. REPORT_Z without a
    // close time: shift N has not been opened yet.
    const open = report.report === ReportTypeEnum.REPORT_X;
    state.shiftOpen = open;
    state.shiftNumber =
      !open && z.closeShiftTime ? z.shiftNumber + 1 : z.shiftNumber;
  }

  const regInfo = response.service?.regInfo;
  if (regInfo?.kkm?.fnsKkmId) state.kgdNumber = regInfo.kkm.fnsKkmId;
  if (regInfo?.kkm?.serialNumber) {
    state.serialNumber = regInfo.kkm.serialNumber;
  }
  if (regInfo?.org?.inn) {
    state.org = {
      title: regInfo.org.title || undefined,
      inn: regInfo.org.inn,
      address: regInfo.org.address || undefined,
    };
  }
}

function applyTicket(
  state: KkmState,
  last: LastExchange,
  response: Response,
): void {
  const fiscalSign = response.ticket?.ticketNumber;
  const qr = response.ticket?.qrCode;
  state.shiftOpen = true;
  if (!last.receipt || !fiscalSign) return;

  const qrText = qr && qr.length > 0 ? new TextDecoder().decode(qr) : undefined;
  const offlineNumber = last.receipt.offlineNumber;
  const stored =
    offlineNumber === undefined
      ? undefined
      : state.receipts.find((entry) => entry.offlineNumber === offlineNumber);

  if (stored) {
    stored.fiscalSign = fiscalSign;
    stored.qr = qrText;
    return;
  }
  recordReceipt(state, { ...last.receipt, fiscalSign, qr: qrText });
}
