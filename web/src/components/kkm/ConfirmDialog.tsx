import type { ComponentChildren } from "preact";
import { useEffect, useRef } from "preact/hooks";
import { t, type TextKey } from "../../i18n";

/** Props of ConfirmDialog. */
export interface ConfirmDialogProps {
  heading: TextKey;
  confirmLabel: TextKey;
  busy: boolean;
  danger?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  children?: ComponentChildren;
}

/** A modal question with "confirm" and "cancel"; Escape cancels. */
export function ConfirmDialog(props: ConfirmDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => element?.close();
  }, []);

  return (
    <dialog
      ref={dialog}
      class="kkm-dialog"
      aria-labelledby="kkm-dialog-title"
      onCancel={(event) => {
        event.preventDefault();
        props.onCancel();
      }}
    >
      <h2 id="kkm-dialog-title">{t(props.heading)}</h2>
      {props.children}
      <div class="actions">
        <button
          type="button"
          class={props.danger ? "danger" : "primary"}
          disabled={props.busy}
          aria-busy={props.busy}
          data-testid="kkm-dialog-confirm"
          onClick={props.onConfirm}
        >
          {props.busy ? t("sending") : t(props.confirmLabel)}
        </button>
        <button type="button" disabled={props.busy} onClick={props.onCancel}>
          {t("cancel")}
        </button>
      </div>
    </dialog>
  );
}
