import type { FormModel } from "../models/form-model";
import { t, type TextKey } from "../i18n";
import { FieldProblem } from "./FieldProblem";

/** Props of SelectField. */
export interface SelectFieldProps<F extends string> {
  form: FormModel<F>;
  name: F;
  label: TextKey;
  options: { value: string; label: string }[];
}

/** A labelled select bound to a form model field, with its problem. */
export function SelectField<F extends string>(props: SelectFieldProps<F>) {
  const { form, name } = props;
  const problem = form.problems.value[name];
  const id = `field-${name}`;

  return (
    <div class={problem ? "field field-invalid" : "field"}>
      <label for={id}>{t(props.label)}</label>
      <select
        id={id}
        name={name}
        value={form.values.value[name]}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? `${id}-problem` : undefined}
        onChange={(event) => form.set(name, event.currentTarget.value)}
      >
        <option value="">{t("selectPlaceholder")}</option>
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <FieldProblem id={`${id}-problem`} problem={problem} />
    </div>
  );
}
