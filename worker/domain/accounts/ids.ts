/**
 * Time-ordered ids for account rows, e.g. `user_0mh3k2x1a_4f1c…`: the
 * base-36 millisecond time first, so ordering by id is ordering by
 * creation and list routes can page by the last id.
 */
export function newAccountId(
  prefix: "user" | "grp" | "app",
  now: Date,
): string {
  const time = now.getTime().toString(36).padStart(9, "0");
  return `${prefix}_${time}_${randomHex(8)}`;
}

/** `bytes` random bytes as lowercase hex. */
export function randomHex(bytes: number): string {
  const random = crypto.getRandomValues(new Uint8Array(bytes));
  let hex = "";
  for (const byte of random) hex += byte.toString(16).padStart(2, "0");
  return hex;
}

/** Lowercase hex SHA-256 of `text`, for storing secrets by their hash. */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest(
    "SHA-256",
    new TextEncoder().encode(text),
  );
  let hex = "";
  for (const byte of new Uint8Array(digest)) {
    hex += byte.toString(16).padStart(2, "0");
  }
  return hex;
}
