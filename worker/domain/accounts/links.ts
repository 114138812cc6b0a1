/**
 * Portal pages that mailed links open; each page reads `token` from the
 * query and posts it to the matching API route.
 */
export const LINK_PAGES = {
  email_confirm: "/confirm-email",
  password_reset: "/reset-password",
  invitation: "/accept-invitation",
} as const;

/** The link to `page` on the portal at `origin` carrying `token`. */
export function portalLink(
  origin: string,
  page: keyof typeof LINK_PAGES,
  token: string,
): string {
  return `${origin}${LINK_PAGES[page]}?token=${token}`;
}
