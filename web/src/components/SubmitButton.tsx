import { t, type TextKey } from "../i18n";

/** Props of SubmitButton. */
export interface SubmitButtonProps {
  label: TextKey;
  busy: boolean;
}

/** A form's submit button that shows progress and blocks double sends. */
export function SubmitButton({ label, busy }: SubmitButtonProps) {
  return (
    <button type="submit" class="primary" disabled={busy} aria-busy={busy}>
      {busy ? t("sending") : t(label)}
    </button>
  );
}
