/** Calls of the buyers' lottery API and the shapes they return. */
import { request } from "../../api/client";

/** Status of a draw: before, inside or after its period, or drawn. */
export type DrawStatus = "upcoming" | "open" | "closed" | "drawn";

/** A draw as the public API returns it. */
export interface Draw {
  id: string;
  title: string;
  rulesText: string;
  periodFrom: string;
  periodTo: string;
  prizeCount: number;
  minReceiptTotal: number;
  status: DrawStatus;
  seedHash: string | null;
  committedAt: string | null;
  seed: string | null;
  listDigest: string | null;
  entryCount: number;
  drawnAt: string | null;
  createdAt: string;
}

/** One entry of a published list, masked. */
export interface PublicEntry {
  index: number;
  keyHash: string;
  kgdNumberMasked: string;
  fiscalSignMasked: string;
  contactMasked: string;
}

/** The published result of a draw. */
export interface DrawResults {
  draw: Draw;
  entries: PublicEntry[];
  winners: (PublicEntry & { place: number })[];
}

/** An accepted entry. */
export interface Entry {
  id: number;
  fiscalSign: string;
  kgdNumber: string;
  receiptTotal: number;
  contactMasked: string;
  keyHash: string;
}

/** One of the buyer's own entries. */
export interface MyEntry {
  drawId: string;
  drawTitle: string;
  drawStatus: DrawStatus;
  kgdNumber: string;
  fiscalSign: string;
  receiptDateTime: string;
  receiptTotal: number;
  keyHash: string;
  place: number | null;
  createdAt: string;
}

/** The receipt of an entry: its QR link or its four numbers. */
export type ReceiptFields =
  { qrUrl: string } | { i: string; f: string; s: string; t: string };

const BASE = "/api/public/lottery";

/** Lists the draws, newest first. */
export async function fetchDraws(): Promise<Draw[]> {
  return (await request<{ items: Draw[] }>("GET", `${BASE}/draws`)).items;
}

/** Loads one draw. */
export async function fetchDraw(id: string): Promise<Draw> {
  const path = `${BASE}/draws/${encodeURIComponent(id)}`;
  return (await request<{ draw: Draw }>("GET", path)).draw;
}

/** Enters a receipt into draw `id` with a phone or e-mail. */
export async function enterDraw(
  id: string,
  receipt: ReceiptFields,
  contact: string,
): Promise<Entry> {
  const path = `${BASE}/draws/${encodeURIComponent(id)}/entries`;
  const body = { ...receipt, contact };
  return (await request<{ entry: Entry }>("POST", path, body)).entry;
}

/** Loads the published result of draw `id`. */
export function fetchResults(id: string): Promise<DrawResults> {
  const path = `${BASE}/draws/${encodeURIComponent(id)}/results`;
  return request<DrawResults>("GET", path);
}

/** Asks for a single-use link to the contact's entries. */
export async function requestMyEntriesLink(contact: string): Promise<void> {
  await request("POST", `${BASE}/my-entries/link`, { contact });
}

/** Opens a single-use link: the contact's entries. */
export function fetchMyEntries(
  token: string,
): Promise<{ contactMasked: string; entries: MyEntry[] }> {
  const query = new URLSearchParams({ token }).toString();
  return request("GET", `${BASE}/my-entries?${query}`);
}
