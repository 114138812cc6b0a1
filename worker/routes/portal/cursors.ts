/** Parsing of numeric paging cursors. */
import { AppError } from "../../errors";

/** The numeric cursor of audit and mail pages; raises on other text. */
export function auditCursor(cursor: string | undefined): number | undefined {
  if (cursor === undefined) return undefined;
  if (!/^\d{1,15}$/.test(cursor)) {
    throw new AppError(
      "BAD_REQUEST",
      `cursor: "${cursor}" is not a cursor of this list; pass the nextCursor of the previous page`,
    );
  }
  return Number(cursor);
}
