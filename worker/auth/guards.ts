/**
 * Checks on the caller that routes and domain code share; each raises the
 * API error a failed check maps to.
 */
import { AppError } from "../errors";
import type { Caller, Right } from "./rights";

/** A taxpayer caller. */
export type TaxpayerCaller = Extract<Caller, { kind: "taxpayer" }>;

/** An operator caller. */
export type OperatorCaller = Extract<Caller, { kind: "operator" }>;

/** Raises UNAUTHORIZED when nobody is signed in. */
export function requireSignedInCaller(caller: Caller | null): Caller {
  if (!caller) {
    throw new AppError("UNAUTHORIZED", "not signed in; sign in and retry");
  }
  return caller;
}

/** Raises unless the caller is a taxpayer's user. */
export function requireTaxpayerCaller(caller: Caller | null): TaxpayerCaller {
  const signedIn = requireSignedInCaller(caller);
  if (signedIn.kind !== "taxpayer") {
    throw new AppError(
      "FORBIDDEN",
      "this route is for taxpayer accounts; operators use /api/operator",
    );
  }
  return signedIn;
}

/** Raises unless the caller is OFD staff. */
export function requireOperatorCaller(caller: Caller | null): OperatorCaller {
  const signedIn = requireSignedInCaller(caller);
  if (signedIn.kind !== "operator") {
    throw new AppError(
      "FORBIDDEN",
      "this route is for OFD operators; sign in at /api/operator/login",
    );
  }
  return signedIn;
}

/** Raises FORBIDDEN naming `right` when the taxpayer's groups lack it. */
export function requireRightOf(
  caller: Caller | null,
  right: Right,
): TaxpayerCaller {
  const taxpayer = requireTaxpayerCaller(caller);
  if (!taxpayer.rights.has(right)) {
    throw new AppError(
      "FORBIDDEN",
      `the right ${right} is required; ask an administrator of your organisation to add you to a group that has it`,
    );
  }
  return taxpayer;
}

/**
 * Raises FORBIDDEN until the organisation accepts the offer contract; KKM
 * activation calls it.
 */
export function requireOfferAccepted(caller: Caller | null): TaxpayerCaller {
  const taxpayer = requireTaxpayerCaller(caller);
  if (!taxpayer.offerAccepted) {
    throw new AppError(
      "FORBIDDEN",
      "the offer contract is not accepted yet: upload the signed application scans or sign the contract",
    );
  }
  return taxpayer;
}
