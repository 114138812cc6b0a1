import { t } from "../../i18n";
import type { CheckModel } from "./check-model";
import type { CheckFields } from "./check-params";

/** Props of CheckForm. */
export interface CheckFormProps {
  model: CheckModel;
}

const FIELDS: {
  name: keyof CheckFields;
  label:
    "checkFieldSign" | "checkFieldKgd" | "checkFieldSum" | "checkFieldDateTime";
  hint: "checkHintSign" | "checkHintKgd" | "checkHintSum" | "checkHintDateTime";
  type: string;
  inputMode?: "numeric" | "decimal";
}[] = [
  {
    name: "i",
    label: "checkFieldSign",
    hint: "checkHintSign",
    type: "text",
    inputMode: "numeric",
  },
  {
    name: "f",
    label: "checkFieldKgd",
    hint: "checkHintKgd",
    type: "text",
    inputMode: "numeric",
  },
  {
    name: "s",
    label: "checkFieldSum",
    hint: "checkHintSum",
    type: "text",
    inputMode: "decimal",
  },
  {
    name: "t",
    label: "checkFieldDateTime",
    hint: "checkHintDateTime",
    type: "datetime-local",
  },
];

/** Shows the four fields printed on a receipt and checks them before sending. */
export function CheckForm({ model }: CheckFormProps) {
  const onSubmit = (event: Event) => {
    event.preventDefault();
    model.submit();
  };

  return (
    <form class="check-form" onSubmit={onSubmit} noValidate>
      {FIELDS.map((field) => {
        const problem = model.problems.value[field.name];
        const id = `check-${field.name}`;
        return (
          <div class="check-field" key={field.name}>
            <label for={id}>{t(field.label)}</label>
            <input
              id={id}
              name={field.name}
              type={field.type}
              step={field.type === "datetime-local" ? 1 : undefined}
              inputMode={field.inputMode}
              autoComplete="off"
              value={model.form.value[field.name]}
              aria-invalid={problem !== undefined}
              aria-describedby={`${id}-hint`}
              onInput={(event) =>
                model.setField(
                  field.name,
                  (event.target as HTMLInputElement).value,
                )
              }
            />
            <small
              id={`${id}-hint`}
              class={problem ? "field-problem" : "muted"}
            >
              {problem ? t(problem) : t(field.hint)}
            </small>
          </div>
        );
      })}
      <button type="submit" disabled={model.loading.value}>
        {t("checkSubmit")}
      </button>
    </form>
  );
}
