/** Calls of the operator's OKED classifier page. */
import { query, request } from "./client";
import type { Page } from "./types";

/** One code of the OKED classifier. */
export interface OkedCode {
  code: string;
  name: string;
}

/** Loads one page of codes matching a code prefix or part of the name. */
export function searchOked(
  text: string,
  cursor: string | null,
): Promise<Page<OkedCode>> {
  return request("GET", `/api/operator/oked${query({ query: text, cursor })}`);
}

/** Adds a code. The API returns 409 when the code is listed already. */
export async function addOked(code: OkedCode): Promise<OkedCode> {
  const body = await request<{ oked: OkedCode }>(
    "POST",
    "/api/operator/oked",
    code,
  );
  return body.oked;
}

/** Renames a code. */
export async function renameOked(
  code: string,
  name: string,
): Promise<OkedCode> {
  const body = await request<{ oked: OkedCode }>(
    "PUT",
    `/api/operator/oked/${encodeURIComponent(code)}`,
    { name },
  );
  return body.oked;
}

/** Removes a code. The API returns 409 while organisations have it. */
export async function removeOked(code: string): Promise<void> {
  await request("DELETE", `/api/operator/oked/${encodeURIComponent(code)}`);
}
