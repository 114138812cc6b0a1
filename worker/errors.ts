/**
 * The one error envelope of the API: `{ error: { code, message, requestId } }`
 * with a closed set of codes, each mapped to one HTTP status.
 */
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { AppEnv } from "./app-env";

export const ERROR_STATUS = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  INTERNAL_SERVER_ERROR: 500,
  SERVICE_UNAVAILABLE: 503,
} as const satisfies Record<string, ContentfulStatusCode>;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** A failure with a code from the closed set and a sentence for people. */
export class AppError extends HTTPException {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(ERROR_STATUS[code], { message });
    this.name = "AppError";
  }
}

/** Formats any failure as the envelope; unknown errors become a logged 500. */
export function handleError(error: Error, c: Context<AppEnv>): Response {
  const requestId = c.get("requestId");
  if (error instanceof AppError) {
    return envelope(c, error.code, error.message);
  }
  if (error instanceof HTTPException && error.status < 500) {
    return envelope(c, codeForStatus(error.status), error.message);
  }

  c.get("log").error("request failed", { error, path: c.req.path });
  return c.json(
    {
      error: {
        code: "INTERNAL_SERVER_ERROR",
        message:
          "Internal error; retry later, and report the request id if it persists",
        requestId,
      },
    },
    500,
  );
}

/** Sends the envelope for `code` with `message`. */
export function envelope(
  c: Context<AppEnv>,
  code: ErrorCode,
  message: string,
): Response {
  return c.json(
    { error: { code, message, requestId: c.get("requestId") } },
    ERROR_STATUS[code],
  );
}

function codeForStatus(status: number): ErrorCode {
  const found = Object.entries(ERROR_STATUS).find(([, s]) => s === status);
  return (found?.[0] as ErrorCode | undefined) ?? "BAD_REQUEST";
}
