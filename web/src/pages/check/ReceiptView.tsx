import { t, type TextKey } from "../../i18n";
import { language } from "../../models/language-model";
import type { PublicReceipt } from "./check-api";
import {
  formatLocalDateTime,
  formatPercent,
  formatQuantity,
  formatTiyn,
} from "./receipt-format";
import { ReceiptQr } from "./ReceiptQr";

/** Props of ReceiptView. */
export interface ReceiptViewProps {
  receipt: PublicReceipt;
}

/** Shows a found receipt, laid out like the printed one. */
export function ReceiptView({ receipt }: ReceiptViewProps) {
  const lang = language.value;
  const money = (tiyn: number) => formatTiyn(tiyn, lang);

  return (
    <article class="receipt" aria-labelledby="receipt-title">
      <header class="receipt-head">
        <h2 id="receipt-title" data-testid="receipt-seller">
          {receipt.seller.name}
        </h2>
        <p>
          {t("checkIinBin")}: {receipt.seller.iinBin}
        </p>
        <p>{receipt.pointOfSale.address}</p>
        <p class="receipt-operation">
          {t(`checkOperation_${receipt.operation}` as TextKey)}
          {receipt.autonomous && (
            <span class="receipt-badge" data-testid="receipt-autonomous">
              {t("checkAutonomous")}
            </span>
          )}
        </p>
      </header>

      <ul class="receipt-lines">
        {receipt.lines.map((line, index) => (
          <li key={index} class={`receipt-line receipt-line-${line.kind}`}>
            <div class="receipt-line-name">
              {line.kind === "commodity"
                ? line.name
                : `${t(`checkLine_${line.kind}` as TextKey)}${line.name ? `: ${line.name}` : ""}`}
            </div>
            {line.quantity !== null && line.unitPrice !== null && (
              <div class="receipt-row muted">
                <span>
                  {formatQuantity(line.quantity, lang)} ×{" "}
                  {money(line.unitPrice)}
                </span>
              </div>
            )}
            <div class="receipt-row">
              <span class="muted">
                {line.vat
                  ? t("checkVatLine", {
                      rate: formatPercent(line.vat.percent, lang),
                      sum: money(line.vat.sum),
                    })
                  : t("checkNoVat")}
              </span>
              <span>{money(line.sum)}</span>
            </div>
          </li>
        ))}
      </ul>

      <dl class="receipt-totals">
        {receipt.discount > 0 && (
          <Row label={t("checkDiscount")} value={money(receipt.discount)} />
        )}
        {receipt.markup > 0 && (
          <Row label={t("checkMarkup")} value={money(receipt.markup)} />
        )}
        <div class="receipt-row receipt-total">
          <dt>{t("checkTotal")}</dt>
          <dd data-testid="receipt-total">{money(receipt.total)} ₸</dd>
        </div>
        {receipt.payments.map((payment) => (
          <Row
            key={payment.type}
            label={t(`checkPayment_${payment.type}` as TextKey)}
            value={money(payment.sum)}
          />
        ))}
        {receipt.taken !== null && (
          <Row label={t("checkTaken")} value={money(receipt.taken)} />
        )}
        {receipt.change !== null && (
          <Row label={t("checkChange")} value={money(receipt.change)} />
        )}
        {receipt.vat.map((vat) => (
          <Row
            key={vat.percent}
            label={t("checkVatTotal", {
              rate: formatPercent(vat.percent, lang),
            })}
            value={money(vat.sum)}
          />
        ))}
      </dl>

      <dl class="receipt-facts">
        <Row
          label={t("checkDateTime")}
          value={formatLocalDateTime(receipt.dateTime)}
        />
        <Row
          label={t("checkFiscalSign")}
          value={receipt.fiscalSign}
          testId="receipt-fiscal-sign"
        />
        {receipt.autonomousNumber !== null && (
          <Row
            label={t("checkAutonomousNumber")}
            value={String(receipt.autonomousNumber)}
          />
        )}
        <Row label={t("checkShift")} value={String(receipt.shiftNumber)} />
        {receipt.documentNumber !== null && (
          <Row
            label={t("checkDocumentNumber")}
            value={String(receipt.documentNumber)}
          />
        )}
        <Row label={t("checkKgdNumber")} value={receipt.kkm.kgdNumber} />
        <Row label={t("checkSerialNumber")} value={receipt.kkm.serialNumber} />
        <Row label={t("checkOfd")} value={receipt.ofdName} />
      </dl>

      <figure class="receipt-qr-figure">
        <ReceiptQr url={receipt.qrUrl} label={t("checkQrLabel")} />
        <figcaption>
          <a href={receipt.qrUrl} class="receipt-qr-url">
            {receipt.qrUrl}
          </a>
        </figcaption>
      </figure>
    </article>
  );
}

interface RowProps {
  label: string;
  value: string;
  testId?: string;
}

function Row({ label, value, testId }: RowProps) {
  return (
    <div class="receipt-row">
      <dt>{label}</dt>
      <dd data-testid={testId}>{value}</dd>
    </div>
  );
}
