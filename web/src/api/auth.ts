/** Sign-up, sign-in, password reset and e-mail confirmation calls. */
import { request } from "./client";
import type { Me, SignedIn } from "./types";

/** Account fields of the registration wizard's first step. */
export interface RegisterInput {
  iinBin: string;
  email: string;
  password: string;
}

/** Creates the account and signs in (wizard step 1). */
export function register(input: RegisterInput): Promise<SignedIn> {
  return request("POST", "/api/auth/register", input);
}

/** Signs a taxpayer's user in by IIN/BIN and password. */
export function login(iinBin: string, password: string): Promise<SignedIn> {
  return request("POST", "/api/auth/login", { iinBin, password });
}

/** Signs an OFD operator in by login and password. */
export function operatorLogin(
  login: string,
  password: string,
): Promise<SignedIn> {
  return request("POST", "/api/operator/login", { login, password });
}

/** Ends the session. */
export function logout(): Promise<void> {
  return request("POST", "/api/auth/logout");
}

/** Loads the signed-in caller; throws UNAUTHORIZED when there is none. */
export function fetchMe(): Promise<Me> {
  return request("GET", "/api/auth/me");
}

/** Mails a password reset link; the API accepts any IIN/BIN alike. */
export function requestPasswordReset(iinBin: string): Promise<void> {
  return request("POST", "/api/auth/password-reset/request", { iinBin });
}

/** Sets a new password with the token from the reset link. */
export function confirmPasswordReset(
  token: string,
  password: string,
): Promise<void> {
  return request("POST", "/api/auth/password-reset/confirm", {
    token,
    password,
  });
}

/** Confirms the e-mail address with the token from the mailed link. */
export function confirmEmail(token: string): Promise<void> {
  return request("POST", "/api/auth/email/confirm", { token });
}
