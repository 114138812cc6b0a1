/**
 * The seed steps of a draw page: commit to the SHA-256 of a seed generated
 * here or pasted by the operator, and later run the draw with that seed.
 * The seed is checked against the committed hash before it is sent.
 */
import { computed, signal, type Signal } from "@preact/signals";
import { ApiError } from "../../../api/client";
import type { Problem } from "../../../models/form-model";
import { splitServerErrors } from "../../../lib/server-errors";
import type { Draw } from "../../lottery/lottery-api";
import { checkSeed } from "./draw-rules";
import { commitSeedHash, runOperatorDraw } from "./operator-lottery-api";
import { generateSeed, sha256Hex } from "./seed";

/** Source of the seed to commit: generated in the page or pasted. */
export type SeedSource = "generate" | "paste";

/** Creates the seed model of the draw held in `draw`. */
export function createSeedModel(draw: Signal<Draw | null>) {
  const source = signal<SeedSource>("generate");
  const generated = signal<string | null>(null);
  const pasted = signal("");
  const saved = signal(false);
  const commitProblem = signal<Problem | null>(null);
  const commitError = signal<ApiError | null>(null);
  const committing = signal(false);
  const runSeed = signal("");
  const runProblem = signal<Problem | null>(null);
  const runError = signal<ApiError | null>(null);
  const running = signal(false);
  const seedToCommit = computed(() =>
    source.value === "generate" ? generated.value : pasted.value,
  );

  function chooseSource(next: SeedSource): void {
    source.value = next;
    saved.value = false;
    commitProblem.value = null;
  }

  /** Makes a new random seed; the old one was never committed. */
  function generate(): void {
    generated.value = generateSeed();
    saved.value = false;
    commitProblem.value = null;
  }

  /** Sends the SHA-256 of the chosen seed, then clears the seed from the page. */
  async function commit(): Promise<void> {
    const current = draw.value;
    const seed = seedToCommit.value ?? "";
    const key = checkSeed(seed);
    commitError.value = null;
    if (!current) return;
    if (key) {
      commitProblem.value = { key };
      return;
    }
    if (!saved.value) {
      commitProblem.value = { key: "opLotteryErrorNotSaved" };
      return;
    }

    committing.value = true;
    commitProblem.value = null;
    try {
      const seedHash = await hashOf(seed);
      if (seedHash === null) {
        commitProblem.value = { key: "opLotteryErrorNoCrypto" };
        return;
      }
      draw.value = await commitSeedHash(current.id, seedHash);
      // Shown once: after the commitment only the operator's copy remains.
      generated.value = null;
      pasted.value = "";
      saved.value = false;
    } catch (error) {
      const failure = asApiError(error);
      const split = splitServerErrors(failure.message, ["seedHash"] as const);
      commitProblem.value = split.fields.seedHash
        ? { server: split.fields.seedHash }
        : null;
      commitError.value =
        split.rest === null && split.fields.seedHash ? null : failure;
    } finally {
      committing.value = false;
    }
  }

  /** Runs the draw with the typed seed once it matches the commitment. */
  async function run(): Promise<void> {
    const current = draw.value;
    const seed = runSeed.value.trim();
    const key = checkSeed(seed);
    runError.value = null;
    if (!current) return;
    if (key) {
      runProblem.value = { key };
      return;
    }
    const seedHash = await hashOf(seed);
    if (seedHash === null) {
      runProblem.value = { key: "opLotteryErrorNoCrypto" };
      return;
    }
    if (seedHash !== current.seedHash) {
      runProblem.value = { key: "opLotteryErrorSeedMismatch" };
      return;
    }

    running.value = true;
    runProblem.value = null;
    try {
      draw.value = await runOperatorDraw(current.id, seed);
      runSeed.value = "";
    } catch (error) {
      const failure = asApiError(error);
      const split = splitServerErrors(failure.message, ["seed"] as const);
      runProblem.value = split.fields.seed
        ? { server: split.fields.seed }
        : null;
      runError.value =
        split.rest === null && split.fields.seed ? null : failure;
    } finally {
      running.value = false;
    }
  }

  return {
    source,
    generated,
    pasted,
    saved,
    seedToCommit,
    commitProblem,
    commitError,
    committing,
    runSeed,
    runProblem,
    runError,
    running,
    chooseSource,
    generate,
    commit,
    run,
  };
}

/** The model of a draw page's seed steps. */
export type SeedModel = ReturnType<typeof createSeedModel>;

/** Hashes the seed; null where the page has no `crypto.subtle`. */
async function hashOf(seed: string): Promise<string | null> {
  try {
    return await sha256Hex(seed);
  } catch {
    // crypto.subtle exists only in secure contexts (https or localhost).
    return null;
  }
}

function asApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  throw error;
}
