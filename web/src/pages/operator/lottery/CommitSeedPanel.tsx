import { useState } from "preact/hooks";
import { ErrorBox } from "../../../components/ErrorBox";
import { FieldProblem } from "../../../components/FieldProblem";
import { SubmitButton } from "../../../components/SubmitButton";
import { t } from "../../../i18n";
import type { SeedModel, SeedSource } from "./seed-model";

/** Props of CommitSeedPanel. */
export interface CommitSeedPanelProps {
  model: SeedModel;
  periodTo: string;
}

const SOURCES: SeedSource[] = ["generate", "paste"];

/**
 * Commits to a seed: one generated here (shown once, to copy and store)
 * or the operator's own. Only the seed's SHA-256 is sent.
 */
export function CommitSeedPanel({ model, periodTo }: CommitSeedPanelProps) {
  const problem = model.commitProblem.value ?? undefined;
  const source = model.source.value;

  const onSubmit = (event: Event) => {
    event.preventDefault();
    void model.commit();
  };

  return (
    <form class="lottery-form" data-testid="commit-form" onSubmit={onSubmit}>
      <p class="muted">{t("opLotteryCommitIntro", { to: periodTo })}</p>
      <fieldset class="entry-mode">
        <legend>{t("opLotterySeedSource")}</legend>
        {SOURCES.map((option) => (
          <label key={option} class="entry-mode-option">
            <input
              type="radio"
              name="seed-source"
              value={option}
              checked={source === option}
              onChange={() => model.chooseSource(option)}
            />
            {t(option === "generate" ? "opLotteryGenerate" : "opLotteryPaste")}
          </label>
        ))}
      </fieldset>

      {source === "generate" ? (
        <GeneratedSeed model={model} />
      ) : (
        <div class="lottery-field">
          <label for="seed-paste">{t("opLotterySeedOwn")}</label>
          <input
            id="seed-paste"
            value={model.pasted.value}
            autocomplete="off"
            spellcheck={false}
            aria-describedby="seed-paste-hint"
            onInput={(event) =>
              (model.pasted.value = event.currentTarget.value)
            }
          />
          <p class="field-hint" id="seed-paste-hint">
            {t("opLotteryHintSeed")}
          </p>
        </div>
      )}

      <label class="seed-saved">
        <input
          id="seed-saved"
          type="checkbox"
          checked={model.saved.value}
          onChange={(event) =>
            (model.saved.value = event.currentTarget.checked)
          }
        />
        {t("opLotterySeedSaved")}
      </label>
      <FieldProblem id="commit-problem" problem={problem} />
      <ErrorBox error={model.commitError.value} />
      <SubmitButton label="opLotteryCommit" busy={model.committing.value} />
    </form>
  );
}

function GeneratedSeed({ model }: { model: SeedModel }) {
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);
  const seed = model.generated.value;

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(seed ?? "");
      setCopied("yes");
    } catch {
      // Clipboard access needs a secure context and permission; the seed
      // stays on screen to copy by hand.
      setCopied("failed");
    }
  };
  const regenerate = () => {
    setCopied(null);
    model.generate();
  };

  if (!seed) {
    return (
      <p>
        <button type="button" onClick={regenerate} data-testid="seed-generate">
          {t("opLotteryGenerateButton")}
        </button>
      </p>
    );
  }
  return (
    <div class="seed-box">
      <p role="alert">
        <strong>{t("opLotteryStoreSeed")}</strong>
      </p>
      <p>{t("opLotteryStoreSeedDetail")}</p>
      <code class="seed-value" data-testid="generated-seed">
        {seed}
      </code>
      <p class="operator-draw-actions">
        <button type="button" onClick={() => void copy()}>
          {t("opLotteryCopy")}
        </button>
        <button type="button" class="link-button" onClick={regenerate}>
          {t("opLotteryGenerateAgain")}
        </button>
      </p>
      {copied === "yes" && (
        <p class="success" role="status">
          {t("opLotteryCopied")}
        </p>
      )}
      {copied === "failed" && (
        <p class="muted" role="status">
          {t("opLotteryCopyFailed")}
        </p>
      )}
    </div>
  );
}
