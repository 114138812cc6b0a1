/** The public receipt check call, with the states the page shows. */
import type { PublicReceipt } from "../../../../durable/kkm/public-receipt";
import { toQueryString, type CheckFields } from "./check-params";

export type { PublicReceipt };

/** Outcome of a check, one per state of the page. */
export type CheckOutcome =
  | { kind: "found"; receipt: PublicReceipt }
  | { kind: "not_found" }
  | { kind: "rate_limited"; retryAfterSeconds: number }
  | { kind: "invalid"; message: string }
  | { kind: "failed"; message: string };

/** Asks the API for the receipt with `fields`. */
export async function fetchReceipt(fields: CheckFields): Promise<CheckOutcome> {
  let response: Response;
  try {
    response = await fetch(
      `/api/public/receipts/check?${toQueryString(fields)}`,
      { headers: { accept: "application/json" } },
    );
  } catch (error) {
    return { kind: "failed", message: (error as Error).message };
  }

  if (response.ok) {
    return { kind: "found", receipt: (await response.json()) as PublicReceipt };
  }
  if (response.status === 404) return { kind: "not_found" };
  if (response.status === 429) {
    const seconds = Number(response.headers.get("retry-after"));
    return {
      kind: "rate_limited",
      retryAfterSeconds: Number.isFinite(seconds) && seconds > 0 ? seconds : 60,
    };
  }

  const message = await errorMessage(response);
  return response.status === 400
    ? { kind: "invalid", message }
    : { kind: "failed", message };
}

async function errorMessage(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as { error?: { message?: string } };
    return body.error?.message ?? `HTTP ${response.status}`;
  } catch {
    // Not the JSON envelope (a proxy page, for example), so the status is the message.
    return `HTTP ${response.status}`;
  }
}
