/**
 * Opaque keyset cursors of the KKM lists: the sort key of a page's last
 * row as base64url JSON, so the next page starts right after it.
 */
import { AppError } from "../../errors";

/** Encodes a sort key as a cursor. */
export function encodeCursor(key: readonly (string | number)[]): string {
  const bytes = new TextEncoder().encode(JSON.stringify(key));
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary)
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");
}

/**
 * Decodes a cursor whose key has one value per `shape` letter (s string,
 * n whole number); raises BAD_REQUEST naming `cursor` on anything else.
 */
export function decodeCursor(
  cursor: string | undefined,
  shape: string,
): (string | number)[] | undefined {
  if (cursor === undefined) return undefined;

  const key = parseKey(cursor);
  const valid =
    Array.isArray(key) &&
    key.length === shape.length &&
    key.every((value, i) =>
      shape[i] === "n"
        ? Number.isSafeInteger(value)
        : typeof value === "string",
    );
  if (!valid) {
    throw new AppError(
      "BAD_REQUEST",
      "cursor: not a cursor of this list; pass the nextCursor of the previous page unchanged",
    );
  }
  return key as (string | number)[];
}

function parseKey(cursor: string): unknown {
  try {
    const binary = atob(cursor.replace(/-/g, "+").replace(/_/g, "/"));
    const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    // Any decoding failure means the client changed the cursor.
    return null;
  }
}
