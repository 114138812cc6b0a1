/**
 * Splits an API error message into per-field messages. Schema failures read
 * "Invalid request. iinBin: <rule>; password: <rule>"; domain errors start
 * with the field they concern.
 */

/** Messages by field, and the part that names no known field. */
export interface SplitErrors<F extends string> {
  fields: Partial<Record<F, string>>;
  rest: string | null;
}

/** Assigns the parts of `message` to the fields it names. */
export function splitServerErrors<F extends string>(
  message: string,
  fields: readonly F[],
): SplitErrors<F> {
  const result: SplitErrors<F> = { fields: {}, rest: null };
  const body = message.replace(/^Invalid request\.\s*/, "");
  // A new part starts only where "; " is followed by another "field: ", so
  // "iinBin: already exists; sign in" stays whole.
  const parts = body
    .split(/;\s*(?=[A-Za-z][\w.]*:\s)/)
    .filter((part) => part.trim() !== "");
  const unassigned: string[] = [];

  for (const part of parts) {
    const field = fields.find((name) => mentions(part, name));
    if (field && result.fields[field] === undefined) {
      result.fields[field] = part;
    } else if (field) {
      result.fields[field] = `${result.fields[field]}; ${part}`;
    } else {
      unassigned.push(part);
    }
  }

  if (unassigned.length > 0) result.rest = unassigned.join("; ");
  return result;
}

/**
 * A part names a field when it starts with the field's name ("iinBin: …",
 * "email is already used") or quotes it as "field:" later on. Prose such as
 * "wrong IIN/BIN or password" names no field and stays at the form level.
 */
function mentions(text: string, field: string): boolean {
  const trimmed = text.trim();
  return (
    new RegExp(`^${field}(?![A-Za-z])`).test(trimmed) ||
    new RegExp(`(^|[^A-Za-z.])${field}:`).test(trimmed)
  );
}
