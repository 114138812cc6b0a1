/** Signing the accession application with NCALayer, loaded on demand. */
import type { TextKey } from "../i18n/ru";

/** A base64 CMS signature, or the problem shown to the user. */
export type SignResult =
  { ok: true; cms: string } | { ok: false; problem: TextKey };

const PROBLEMS = {
  not_running: "signNotRunning",
  cancelled: "signCancelled",
  timeout: "signTimeout",
  failed: "signFailed",
} as const satisfies Record<string, TextKey>;

/** Signs `text` with the user's EDS through NCALayer. */
export async function signApplication(text: string): Promise<SignResult> {
  const client = await import("../ncalayer");
  try {
    return { ok: true, cms: await client.signWithNcaLayer(text) };
  } catch (error) {
    if (!(error instanceof client.NcaLayerError)) throw error;
    return { ok: false, problem: PROBLEMS[error.code] };
  }
}
