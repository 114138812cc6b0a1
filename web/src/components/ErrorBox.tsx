import type { ApiError } from "../api/client";
import { t, type TextKey } from "../i18n";

/** Props of ErrorBox. */
export interface ErrorBoxProps {
  error: ApiError | null;
}

/** An API failure: a translated summary of its code and the API's sentence. */
export function ErrorBox({ error }: ErrorBoxProps) {
  if (!error) return null;
  const title = t(`errorCode_${error.code}` as TextKey);

  return (
    <div class="error-box" role="alert">
      <strong>{title}</strong>
      {error.message && <p>{error.message}</p>}
      {error.requestId && (
        <p class="muted">{t("errorRequestId", { id: error.requestId })}</p>
      )}
    </div>
  );
}
