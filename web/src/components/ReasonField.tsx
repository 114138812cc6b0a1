import { t, type TextKey } from "../i18n";

/** Props of ReasonField. */
export interface ReasonFieldProps {
  id: string;
  label: TextKey;
  value: string;
  problem: TextKey | null;
  onInput: (value: string) => void;
}

/** The reason an operator types before rejecting or blocking. */
export function ReasonField(props: ReasonFieldProps) {
  return (
    <div class={props.problem ? "field field-invalid" : "field"}>
      <label for={props.id}>{t(props.label)}</label>
      <input
        id={props.id}
        value={props.value}
        aria-invalid={props.problem ? true : undefined}
        onInput={(event) => props.onInput(event.currentTarget.value)}
      />
      {props.problem && (
        <p class="field-problem" role="alert">
          {t(props.problem)}
        </p>
      )}
    </div>
  );
}
