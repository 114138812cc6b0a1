import type { FormModel } from "../models/form-model";
import { t, type TextKey } from "../i18n";
import { FieldProblem } from "./FieldProblem";

/** Props of TextField. */
export interface TextFieldProps<F extends string> {
  form: FormModel<F>;
  name: F;
  label: TextKey;
  type?: "text" | "password" | "email" | "tel" | "date";
  autocomplete?: string;
  hint?: string;
  inputMode?: "numeric" | "text" | "email" | "tel";
  multiline?: boolean;
}

/** A labelled input bound to a form model field, with its problem. */
export function TextField<F extends string>(props: TextFieldProps<F>) {
  const { form, name } = props;
  const problem = form.problems.value[name];
  const id = `field-${name}`;
  const describedBy = [
    problem ? `${id}-problem` : "",
    props.hint ? `${id}-hint` : "",
  ]
    .filter(Boolean)
    .join(" ");
  const shared = {
    id,
    name,
    value: form.values.value[name],
    "aria-invalid": problem ? true : undefined,
    "aria-describedby": describedBy || undefined,
    onInput: (event: Event) =>
      form.set(name, (event.currentTarget as HTMLInputElement).value),
  };

  return (
    <div class={problem ? "field field-invalid" : "field"}>
      <label for={id}>{t(props.label)}</label>
      {props.multiline ? (
        <textarea {...shared} rows={3} />
      ) : (
        <input
          {...shared}
          type={props.type ?? "text"}
          autocomplete={props.autocomplete}
          inputMode={props.inputMode}
        />
      )}
      {props.hint && (
        <p class="field-hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      )}
      <FieldProblem id={`${id}-problem`} problem={problem} />
    </div>
  );
}
