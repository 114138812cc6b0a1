// Helpers of the portal API suites: requests with a session, sign-up,
// operators and IIN/BIN numbers with valid check digits.
import { env, SELF } from "cloudflare:test";
import { drizzle } from "drizzle-orm/d1";
import { users } from "../../../worker/db/schema-accounts";
import { hashPassword } from "../../../worker/domain/password";

/** A signed-in browser: the cookie value and the CSRF token. */
export interface Session {
  cookie: string;
  csrf: string;
}

export interface CallOptions {
  body?: unknown;
  session?: Session;
  /** Overrides the session's CSRF token; null sends no header. */
  csrf?: string | null;
  headers?: Record<string, string>;
}

/** A response's status, JSON body and Set-Cookie header. */
export interface ApiResult {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
  setCookie: string | null;
}

/** Sends one API request through the Worker. */
export async function call(
  method: string,
  path: string,
  options: CallOptions = {},
): Promise<ApiResult> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.body !== undefined) headers["content-type"] = "application/json";
  if (options.session) {
    headers.cookie = `ofd_session=${options.session.cookie}`;
    const csrf =
      options.csrf === undefined ? options.session.csrf : options.csrf;
    if (csrf !== null) headers["x-csrf-token"] = csrf;
  }

  const response = await SELF.fetch(`https://ofd.example${path}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();
  return {
    status: response.status,
    body: text ? JSON.parse(text) : null,
    setCookie: response.headers.get("set-cookie"),
  };
}

/** Reads the session cookie and CSRF token of a sign-in response. */
export function sessionOf(result: ApiResult): Session {
  const match = /ofd_session=([0-9a-f]+)/.exec(result.setCookie ?? "");
  if (!match) {
    throw new Error(
      `expected a session cookie, got ${result.status} ${JSON.stringify(result.body)}`,
    );
  }
  return { cookie: match[1]!, csrf: result.body.csrfToken };
}

let nextSerial = 0;

/** Returns a new IIN with a valid check digit on every call. */
export function freshIin(): string {
  for (;;) {
    nextSerial += 1;
    const first = `8801013${String(nextSerial).padStart(4, "0")}`;
    const check = checkDigit(first);
    if (check !== null) return `${first}${check}`;
  }
}

/** Computes the check digit of 11 digits; null when none exists. */
export function checkDigit(first: string): number | null {
  const digits = [...first].map(Number);
  let sum = digits.reduce((total, d, i) => total + d * (i + 1), 0) % 11;
  if (sum === 10) {
    const weights = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];
    sum = digits.reduce((total, d, i) => total + d * weights[i]!, 0) % 11;
  }
  return sum === 10 ? null : sum;
}

/** A password that meets every rule. */
export const PASSWORD = "Secret-1";

/** Registers a new taxpayer account and returns its session. */
export async function signUp(
  iinBin = freshIin(),
): Promise<Session & { iinBin: string; userId: string }> {
  const result = await call("POST", "/api/auth/register", {
    body: { iinBin, email: `${iinBin}@example.kz`, password: PASSWORD },
  });
  if (result.status !== 201) {
    throw new Error(
      `sign-up returned ${result.status}: ${JSON.stringify(result.body)}`,
    );
  }
  return { ...sessionOf(result), iinBin, userId: result.body.user.id };
}

/** Valid step 2 requisites. */
export function requisites(overrides: Record<string, unknown> = {}) {
  return {
    registrationCertificateNumber: "123-1900-01-TOO",
    registrationCertificateDate: "2020-03-15",
    fullName: "ТОО «Рога и копыта»",
    legalAddress: "Астана, пр. Мангилик Ел, 8",
    actualAddress: "Астана, ул. Кенесары, 40",
    taxationRegime: "simplified",
    okedCode: "47190",
    directorFullName: "Иванов Иван Иванович",
    phone: "+7 7172 123456",
    ...overrides,
  };
}

/** Signs up and completes wizard step 2. */
export async function registeredTaxpayer() {
  const account = await signUp();
  const result = await call("PUT", "/api/registration/organisation", {
    session: account,
    body: requisites(),
  });
  if (result.status !== 200) {
    throw new Error(
      `step 2 returned ${result.status}: ${JSON.stringify(result.body)}`,
    );
  }
  return { ...account, organisationId: result.body.organisation.id as string };
}

let operators = 0;

/** Creates an operator account and signs it in. */
export async function operatorSession(): Promise<Session & { userId: string }> {
  operators += 1;
  const login = `operator${operators}_${crypto.randomUUID().slice(0, 6)}`;
  const userId = `user_op_${login}`;
  await drizzle(env.DB)
    .insert(users)
    .values({
      id: userId,
      kind: "operator",
      login,
      fullName: `Operator ${operators}`,
      passwordHash: await hashPassword(PASSWORD),
    });
  const result = await call("POST", "/api/operator/login", {
    body: { login, password: PASSWORD },
  });
  return { ...sessionOf(result), userId };
}

/** Finds the newest outbox message sent to `to`. */
export async function lastMailTo(to: string) {
  const result = await call("GET", "/api/dev/mail?limit=100");
  const mail = result.body.items.find((item: { to: string }) => item.to === to);
  if (!mail) throw new Error(`no mail to ${to} in the outbox`);
  return mail as { to: string; subject: string; text: string; link: string };
}

/** Reads the token of a mailed link. */
export function tokenOf(link: string): string {
  return new URL(link).searchParams.get("token")!;
}
