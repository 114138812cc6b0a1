import { useState } from "preact/hooks";
import { t } from "../../i18n";

/** Props of TokenNotice. */
export interface TokenNoticeProps {
  kkmId: number;
  token: number;
}

/**
 * The system id and token to enter into the KKM. The API never returns the
 * token again, so the notice says to write it down now.
 */
export function TokenNotice({ kkmId, token }: TokenNoticeProps) {
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(String(token));
      setCopied("yes");
    } catch {
      // Clipboard access needs a secure context and permission; the token
      // stays on screen to copy by hand.
      setCopied("failed");
    }
  };

  return (
    <div class="kkm-token card" data-testid="kkm-token-notice">
      <p class="kkm-token-warning" role="alert">
        <strong>{t("kkmTokenWriteDown")}</strong>
      </p>
      <dl class="data-list">
        <div class="data-row">
          <dt>{t("kkmSystemId")}</dt>
          <dd class="kkm-secret" data-testid="kkm-system-id">
            {kkmId}
          </dd>
        </div>
        <div class="data-row">
          <dt>{t("kkmToken")}</dt>
          <dd class="kkm-secret" data-testid="kkm-token">
            {token}
          </dd>
        </div>
      </dl>
      <button type="button" onClick={() => void copy()}>
        {t("kkmTokenCopy")}
      </button>
      {copied === "yes" && (
        <p class="success" role="status">
          {t("kkmTokenCopied")}
        </p>
      )}
      {copied === "failed" && (
        <p class="muted" role="status">
          {t("kkmTokenCopyFailed")}
        </p>
      )}
    </div>
  );
}
