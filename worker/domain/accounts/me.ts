/** What `/api/auth/me` returns: the user, organisation, rights and wizard step. */
import { eq } from "drizzle-orm";
import type { DrizzleD1Database } from "drizzle-orm/d1";
import type { Caller, Right } from "../../auth/rights";
import { users } from "../../db/schema-accounts";
import { loadOfferState, type OfferState } from "./caller";
import { getOrganisation } from "./organisation";
import { userView, type OrganisationView, type UserView } from "./views";

/** The registration wizard's state; step 4 means registration is done. */
export interface RegistrationState {
  step: 2 | 3 | 4;
  offer: OfferState;
}

export interface MeView {
  user: UserView;
  organisation: OrganisationView | null;
  rights: Right[];
  csrfToken: string;
  /** Null for operators, who do not register. */
  registration: RegistrationState | null;
}

/** Builds the signed-in caller's view. */
export async function describeMe(
  db: DrizzleD1Database,
  caller: Caller,
  csrfToken: string,
): Promise<MeView> {
  const [user] = await db
    .select()
    .from(users)
    .where(eq(users.id, caller.userId));
  if (!user) throw new Error(`user ${caller.userId} is missing`);
  if (caller.kind === "operator") {
    return {
      user: userView(user),
      organisation: null,
      rights: [],
      csrfToken,
      registration: null,
    };
  }

  const organisation = await getOrganisation(db, caller.organisationId);
  const offer = await loadOfferState(db, caller.organisationId);
  return {
    user: userView(user),
    organisation,
    rights: [...caller.rights].sort(),
    csrfToken,
    registration: { step: wizardStep(organisation, offer), offer },
  };
}

/** Step 2 until requisites are stored, 3 until the offer is accepted. */
export function wizardStep(
  organisation: OrganisationView | null,
  offer: OfferState,
): 2 | 3 | 4 {
  if (!organisation) return 2;
  return offer.status === "accepted" ? 4 : 3;
}
