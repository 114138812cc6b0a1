/**
 * The offer contract application's state machine. An organisation accepts
 * the offer either on paper (an uploaded scan an operator approves or
 * rejects) or by signing the application with an EDS (accepted at once).
 *
 *   none ──paper──▶ paper_pending ──approve──▶ accepted
 *     │                 │  ▲
 *     │               reject│paper
 *     │                 ▼  │
 *     └──signature──▶ accepted ◀──signature── rejected
 */

/** The organisation's offer status, as `/api/auth/me` shows it. */
export type OfferStatus = "none" | "paper_pending" | "rejected" | "accepted";

/** What happens to an application. */
export type OfferEvent = "paper" | "signature" | "approve" | "reject";

/** A transition that is not allowed from the current status. */
export interface OfferTransitionError {
  reason: "already_accepted" | "not_pending";
  message: string;
}

/**
 * Returns the status after `event`, or why the event is not allowed. A
 * taxpayer may resend a scan or sign while a paper application waits; an
 * operator may review only a pending one.
 */
export function nextOfferStatus(
  current: OfferStatus,
  event: OfferEvent,
): { ok: true; status: OfferStatus } | ({ ok: false } & OfferTransitionError) {
  if (current === "accepted") {
    return {
      ok: false,
      reason: "already_accepted",
      message: "the offer contract is already accepted",
    };
  }

  switch (event) {
    case "paper":
      return { ok: true, status: "paper_pending" };
    case "signature":
      return { ok: true, status: "accepted" };
    case "approve":
    case "reject":
      if (current !== "paper_pending") {
        return {
          ok: false,
          reason: "not_pending",
          message: `the application is ${current}, not paper_pending; only a pending paper application can be reviewed`,
        };
      }
      return {
        ok: true,
        status: event === "approve" ? "accepted" : "rejected",
      };
  }
}
