/**
 * The one HTTP client of the portal: JSON in and out, the session cookie,
 * the CSRF header on state-changing requests, and the error envelope turned
 * into an ApiError.
 */

/** Error codes of the API envelope, plus NETWORK when no response arrived. */
export type ApiErrorCode =
  | "BAD_REQUEST"
  | "UNAUTHORIZED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "CONFLICT"
  | "PAYLOAD_TOO_LARGE"
  | "UNSUPPORTED_MEDIA_TYPE"
  | "RATE_LIMITED"
  | "INTERNAL_SERVER_ERROR"
  | "SERVICE_UNAVAILABLE"
  | "NETWORK";

/** A failed API call: the envelope's code and sentence, and the status. */
export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly status: number,
    readonly requestId: string | null,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

const STATE_CHANGING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

let csrfToken: string | null = null;

/** Stores the session's CSRF token from login, registration or /me. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Sends one API request; resolves with the JSON body or throws ApiError. */
export async function request<T>(
  method: string,
  path: string,
  body?: unknown,
): Promise<T> {
  const headers: Record<string, string> = { accept: "application/json" };
  if (STATE_CHANGING.has(method) && csrfToken) {
    headers["x-csrf-token"] = csrfToken;
  }

  let payload: BodyInit | undefined;
  if (body instanceof FormData) {
    payload = body;
  } else if (body !== undefined) {
    headers["content-type"] = "application/json";
    payload = JSON.stringify(body);
  }

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: payload,
      credentials: "same-origin",
    });
  } catch (error) {
    throw new ApiError("NETWORK", (error as Error).message, 0, null);
  }

  if (!response.ok) throw await toApiError(response);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

async function toApiError(response: Response): Promise<ApiError> {
  const text = await response.text();
  try {
    const parsed = JSON.parse(text) as {
      error?: { code?: string; message?: string; requestId?: string };
    };
    if (parsed.error?.code) {
      return new ApiError(
        parsed.error.code as ApiErrorCode,
        parsed.error.message ?? "",
        response.status,
        parsed.error.requestId ?? null,
      );
    }
  } catch {
    // Not JSON: a proxy or the asset server sent it, so keep the status.
  }
  return new ApiError(
    codeForStatus(response.status),
    text.slice(0, 200),
    response.status,
    null,
  );
}

function codeForStatus(status: number): ApiErrorCode {
  const codes: Record<number, ApiErrorCode> = {
    400: "BAD_REQUEST",
    401: "UNAUTHORIZED",
    403: "FORBIDDEN",
    404: "NOT_FOUND",
    409: "CONFLICT",
    413: "PAYLOAD_TOO_LARGE",
    415: "UNSUPPORTED_MEDIA_TYPE",
    429: "RATE_LIMITED",
    503: "SERVICE_UNAVAILABLE",
  };
  return codes[status] ?? "INTERNAL_SERVER_ERROR";
}

/** Builds a query string from the defined values, with a leading "?". */
export function query(
  values: Record<string, string | number | null | undefined>,
): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(values)) {
    if (value !== undefined && value !== null && value !== "") {
      params.set(name, String(value));
    }
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}
