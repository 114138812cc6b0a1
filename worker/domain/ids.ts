/** Prefixed random ids for registry rows, e.g. `org_4f1c…`. */
export function newId(prefix: "org" | "pos"): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  let hex = "";
  for (const byte of bytes) hex += byte.toString(16).padStart(2, "0");
  return `${prefix}_${hex}`;
}
