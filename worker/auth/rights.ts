/**
 * Rights a taxpayer's user gets through groups; a user's rights are the
 * union of their groups' rights. OFD staff (operators) are a separate kind
 * of account with no organisation.
 */

export const RIGHTS = [
  /** See receipts, X and Z reports of the organisation's KKMs. */
  "view_reports",
  /** Activate, edit, block and deregister KKMs, reset their tokens. */
  "manage_kkms",
  /** Invite users, edit groups and rights, edit organisation data. */
  "manage_users",
  /** See bills and tariffs, pay. */
  "billing",
] as const;

export type Right = (typeof RIGHTS)[number];

/** Who is calling, as the session middleware sets it. */
export type Caller =
  | {
      kind: "taxpayer";
      userId: string;
      organisationId: string;
      rights: ReadonlySet<Right>;
      /** The organisation has accepted the offer contract. */
      offerAccepted: boolean;
    }
  | { kind: "operator"; userId: string };
