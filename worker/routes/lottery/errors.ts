/** Maps the lottery domain's failures to the API's error envelope. */
import type { DrawChangeResult } from "../../domain/lottery/draws";
import type { DrawView } from "../../domain/lottery/views";
import { AppError } from "../../errors";

/** Builds a 400 error that names the request field `field`. */
export function invalidField(field: string, message: string): AppError {
  return new AppError("BAD_REQUEST", `Invalid request. ${field}: ${message}`);
}

/** Builds the 404 error of a draw id that does not exist. */
export function drawNotFound(drawId: string): AppError {
  return new AppError(
    "NOT_FOUND",
    `draw ${drawId} not found; take the id from the list of draws`,
  );
}

/** Returns the draw of a successful change, or throws its error. */
export function drawOrThrow(
  result: DrawChangeResult,
  drawId: string,
): DrawView {
  switch (result.reason) {
    case "ok":
      return result.draw;
    case "invalid":
      throw invalidField(result.field, result.message);
    case "not_found":
      throw drawNotFound(drawId);
    case "conflict":
      throw new AppError("CONFLICT", result.message);
  }
}
