/** Calls of the operator's lottery API under /api/operator/lottery. */
import { request } from "../../../api/client";
import type { Draw } from "../../lottery/lottery-api";
import type { NewDrawRequest } from "./draw-rules";

const BASE = "/api/operator/lottery/draws";

/** Loads the draws, newest first (the API returns at most 100). */
export async function listOperatorDraws(): Promise<Draw[]> {
  return (await request<{ items: Draw[] }>("GET", BASE)).items;
}

/** Loads one draw. */
export async function fetchOperatorDraw(id: string): Promise<Draw> {
  const path = `${BASE}/${encodeURIComponent(id)}`;
  return (await request<{ draw: Draw }>("GET", path)).draw;
}

/** Announces a draw. */
export async function createOperatorDraw(
  fields: NewDrawRequest,
): Promise<Draw> {
  return (await request<{ draw: Draw }>("POST", BASE, fields)).draw;
}

/** Commits to the hex SHA-256 of the secret seed; the seed stays here. */
export async function commitSeedHash(
  id: string,
  seedHash: string,
): Promise<Draw> {
  const path = `${BASE}/${encodeURIComponent(id)}/commit`;
  return (await request<{ draw: Draw }>("POST", path, { seedHash })).draw;
}

/** Runs the draw with the seed whose hash was committed. */
export async function runOperatorDraw(id: string, seed: string): Promise<Draw> {
  const path = `${BASE}/${encodeURIComponent(id)}/draw`;
  return (await request<{ draw: Draw }>("POST", path, { seed })).draw;
}
