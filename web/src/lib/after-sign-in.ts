/** The page a caller opens after signing in. */
import type { Me } from "../api/types";

/**
 * Returns the page to open: the wizard while the registration is not
 * finished, else the requested page, else the cabinet's start page.
 */
export function pageAfterSignIn(current: Me | null, next: string | undefined) {
  if (!current) return "/login";
  if (current.user.kind === "operator") {
    return next?.startsWith("/operator") ? next : "/operator";
  }
  const status = current.registration?.offer.status;
  if (
    current.registration &&
    status !== "accepted" &&
    status !== "paper_pending"
  ) {
    return "/register";
  }
  return next && next.startsWith("/") && !next.startsWith("//") ? next : "/";
}
