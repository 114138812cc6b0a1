import { t, type TextKey } from "../../i18n";
import type { FormModel } from "../../models/form-model";
import { FieldProblem } from "../FieldProblem";

/** Props of ChoiceField. */
export interface ChoiceFieldProps<F extends string> {
  form: FormModel<F>;
  name: F;
  label: TextKey;
  options: { value: string; label: string }[];
}

/** Radio buttons for a short closed list, easier to tap than a select. */
export function ChoiceField<F extends string>(props: ChoiceFieldProps<F>) {
  const { form, name } = props;
  const problem = form.problems.value[name];
  const id = `field-${name}`;

  return (
    <fieldset
      class={problem ? "field field-invalid" : "field"}
      id={id}
      aria-describedby={problem ? `${id}-problem` : undefined}
    >
      <legend>{t(props.label)}</legend>
      <div class="checks">
        {props.options.map((option) => (
          <label key={option.value} class="check">
            <input
              type="radio"
              name={name}
              value={option.value}
              checked={form.values.value[name] === option.value}
              onChange={() => form.set(name, option.value)}
            />
            {option.label}
          </label>
        ))}
      </div>
      <FieldProblem id={`${id}-problem`} problem={problem} />
    </fieldset>
  );
}
