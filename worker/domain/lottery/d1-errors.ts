/** Recognition of the D1 failures that the lottery maps to 409 responses. */

/** True when a D1 error (or one of its causes) is a UNIQUE constraint failure. */
export function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    if (e.message.includes("UNIQUE constraint failed")) return true;
  }
  return false;
}
