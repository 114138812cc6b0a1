/** Rights a group gives its users; the same closed set as the API's. */
export const RIGHTS = [
  "view_reports",
  "manage_kkms",
  "manage_users",
  "billing",
] as const;

export type Right = (typeof RIGHTS)[number];
