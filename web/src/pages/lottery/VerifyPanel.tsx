import { signal } from "@preact/signals";
import { t, type TextKey } from "../../i18n";
import { useModel } from "../../lib/use-model";
import type { DrawResults } from "./lottery-api";
import { allConfirmed, verifyResults, type Verification } from "./verify";

/** Props of VerifyPanel. */
export interface VerifyPanelProps {
  results: DrawResults;
}

/** Shows the Verify button and the outcome of each recomputed check. */
export function VerifyPanel({ results }: VerifyPanelProps) {
  const state = useModel(() => ({
    running: signal(false),
    outcome: signal<Verification | null>(null),
    failure: signal<string | null>(null),
  }));
  const outcome = state.outcome.value;

  const run = async () => {
    state.running.value = true;
    state.failure.value = null;
    try {
      state.outcome.value = await verifyResults(results);
    } catch (error) {
      // No WebCrypto (an insecure origin, say): show why instead of a verdict.
      state.failure.value = (error as Error).message;
    } finally {
      state.running.value = false;
    }
  };

  return (
    <div class="verify-panel">
      <button
        type="button"
        onClick={() => void run()}
        disabled={state.running.value}
        data-testid="verify-button"
      >
        {state.running.value ? t("lotteryVerifying") : t("lotteryVerify")}
      </button>
      {state.failure.value && (
        <div class="error-box" role="alert">
          <strong>{t("lotteryVerifyFailed")}</strong>
          <p>{state.failure.value}</p>
        </div>
      )}
      {outcome && (
        <div
          class={allConfirmed(outcome) ? "success-box" : "error-box"}
          role="status"
          data-testid="verify-result"
          data-state={allConfirmed(outcome) ? "confirmed" : "mismatch"}
        >
          <strong>
            {allConfirmed(outcome)
              ? t("lotteryVerifyConfirmed")
              : t("lotteryVerifyMismatch")}
          </strong>
          <ul>
            {(Object.keys(outcome) as (keyof Verification)[]).map((check) => (
              <li key={check}>
                {t(`lotteryCheck_${check}` as TextKey)}:{" "}
                {outcome[check] ? t("lotteryCheckOk") : t("lotteryCheckFailed")}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
