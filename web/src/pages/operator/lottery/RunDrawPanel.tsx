import { ErrorBox } from "../../../components/ErrorBox";
import { FieldProblem } from "../../../components/FieldProblem";
import { t } from "../../../i18n";
import { formatDateTime } from "../../../lib/format";
import type { Draw } from "../../lottery/lottery-api";
import { dayAfter } from "./draw-rules";
import type { SeedModel } from "./seed-model";

/** Props of RunDrawPanel. */
export interface RunDrawPanelProps {
  draw: Draw;
  model: SeedModel;
}

/**
 * Runs the draw with the committed seed. The form is disabled until the
 * period has ended and a hash is committed; the API checks both again.
 */
export function RunDrawPanel({ draw, model }: RunDrawPanelProps) {
  const problem = model.runProblem.value ?? undefined;
  const ready = draw.status === "closed" && draw.seedHash !== null;

  const onSubmit = (event: Event) => {
    event.preventDefault();
    if (ready) void model.run();
  };

  if (draw.status === "drawn") {
    return (
      <div class="success-box" role="status" data-testid="operator-drawn">
        <p>
          {t("opLotteryDrawn", {
            at: formatDateTime(draw.drawnAt ?? ""),
            count: draw.entryCount,
          })}
        </p>
        <a href={`/lottery/${draw.id}/results`}>{t("lotteryResultsLink")}</a>
      </div>
    );
  }
  return (
    <form class="lottery-form" data-testid="run-form" onSubmit={onSubmit}>
      <p class="muted" data-testid="run-note">
        {draw.status !== "closed"
          ? t("opLotteryRunFrom", { day: dayAfter(draw.periodTo) })
          : draw.seedHash === null
            ? t("opLotteryRunNeedsHash")
            : t("opLotteryRunReady")}
      </p>
      <fieldset class="lottery-field" disabled={!ready}>
        <label for="run-seed">{t("opLotteryRunSeed")}</label>
        <input
          id="run-seed"
          value={model.runSeed.value}
          autocomplete="off"
          spellcheck={false}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? "run-seed-problem" : undefined}
          onInput={(event) => {
            model.runSeed.value = event.currentTarget.value;
            model.runProblem.value = null;
          }}
        />
        <FieldProblem id="run-seed-problem" problem={problem} />
      </fieldset>
      <ErrorBox error={model.runError.value} />
      <button
        type="submit"
        class="primary"
        disabled={!ready || model.running.value}
        aria-busy={model.running.value}
      >
        {model.running.value ? t("sending") : t("opLotteryRun")}
      </button>
    </form>
  );
}
