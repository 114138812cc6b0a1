import { ErrorBox } from "../../components/ErrorBox";
import { t } from "../../i18n";
import { useModel } from "../../lib/use-model";
import type { CheckFields } from "../check/check-params";
import { createEntryModel, type EntryModel } from "./entry-model";

/** Props of EntryForm. */
export interface EntryFormProps {
  drawId: string;
  /** Receipt fields from the page's query; all four pre-fill the numbers. */
  prefill: CheckFields;
  onEntered(): void;
}

const NUMBER_FIELDS = [
  { name: "i", label: "checkFieldSign", hint: "checkHintSign", type: "text" },
  { name: "f", label: "checkFieldKgd", hint: "checkHintKgd", type: "text" },
  { name: "s", label: "checkFieldSum", hint: "checkHintSum", type: "text" },
  {
    name: "t",
    label: "checkFieldDateTime",
    hint: "checkHintDateTime",
    type: "datetime-local",
  },
] as const;

/** Enters a receipt, named by its QR link or four numbers, with a contact. */
export function EntryForm({ drawId, prefill, onEntered }: EntryFormProps) {
  const model = useModel(() => createEntryModel(drawId, prefill));
  const entry = model.entry.value;

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    if (await model.submit()) onEntered();
  };

  if (entry) {
    return (
      <div class="success-box" role="status" data-testid="entry-accepted">
        <strong>{t("lotteryAccepted")}</strong>
        <p>
          {t("lotteryAcceptedDetail", {
            sign: entry.fiscalSign,
            contact: entry.contactMasked,
          })}
        </p>
      </div>
    );
  }

  return (
    <form class="lottery-form" onSubmit={onSubmit} noValidate>
      <h2>{t("lotteryEnterTitle")}</h2>
      <fieldset class="entry-mode">
        <legend>{t("lotteryModeLegend")}</legend>
        <ModeOption model={model} mode="qr" />
        <ModeOption model={model} mode="numbers" />
      </fieldset>
      {model.mode.value === "qr" ? (
        <Field
          id="entry-qr"
          label={t("lotteryFieldQr")}
          hint={t("lotteryHintQr")}
          problem={model.problems.value.qrUrl}
          value={model.qrUrl.value}
          type="url"
          onInput={(value) => (model.qrUrl.value = value)}
        />
      ) : (
        NUMBER_FIELDS.map((field) => (
          <Field
            key={field.name}
            id={`entry-${field.name}`}
            label={t(field.label)}
            hint={t(field.hint)}
            problem={model.problems.value[field.name]}
            value={model.numbers.value[field.name]}
            type={field.type}
            onInput={(value) => model.setNumber(field.name, value)}
          />
        ))
      )}
      <Field
        id="entry-contact"
        label={t("lotteryFieldContact")}
        hint={t("lotteryHintContact")}
        problem={model.problems.value.contact}
        value={model.contact.value}
        type="text"
        onInput={(value) => (model.contact.value = value)}
      />
      <ErrorBox error={model.error.value} />
      <button type="submit" disabled={model.sending.value}>
        {model.sending.value ? t("sending") : t("lotterySubmit")}
      </button>
    </form>
  );
}

function ModeOption({
  model,
  mode,
}: {
  model: EntryModel;
  mode: "qr" | "numbers";
}) {
  return (
    <label class="entry-mode-option">
      <input
        type="radio"
        name="entry-mode"
        value={mode}
        checked={model.mode.value === mode}
        onChange={() => (model.mode.value = mode)}
      />
      {mode === "qr" ? t("lotteryModeQr") : t("lotteryModeNumbers")}
    </label>
  );
}

interface FieldProps {
  id: string;
  label: string;
  hint: string;
  problem: Parameters<typeof t>[0] | undefined;
  value: string;
  type: string;
  onInput(value: string): void;
}

function Field({ id, label, hint, problem, value, type, onInput }: FieldProps) {
  return (
    <div class="lottery-field">
      <label for={id}>{label}</label>
      <input
        id={id}
        type={type}
        step={type === "datetime-local" ? 1 : undefined}
        autoComplete="off"
        value={value}
        aria-invalid={problem !== undefined}
        aria-describedby={`${id}-hint`}
        onInput={(event) => onInput((event.target as HTMLInputElement).value)}
      />
      <small id={`${id}-hint`} class={problem ? "field-problem" : "muted"}>
        {problem ? t(problem) : hint}
      </small>
    </div>
  );
}
