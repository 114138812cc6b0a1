import { useLocation } from "preact-iso";
import { useEffect } from "preact/hooks";
import { ErrorBox } from "../../components/ErrorBox";
import { Loading } from "../../components/Loading";
import { t } from "../../i18n";
import { useModel } from "../../lib/use-model";
import { language } from "../../models/language-model";
import { createResource } from "../../models/resource-model";
import { formatLocalDateTime, formatTiyn } from "../check/receipt-format";
import { fetchMyEntries } from "./lottery-api";
import { MyEntriesLinkForm } from "./MyEntriesLinkForm";
import "./lottery.css";

/**
 * Shows a buyer's entries at /lottery/my-entries?token=… (the single-use
 * link), and the form that sends such a link.
 */
export function MyEntriesPage() {
  const location = useLocation();
  const token = location.query.token ?? "";
  const mine = useModel(() => createResource(() => fetchMyEntries(token)));
  const data = mine.data.value;
  const lang = language.value;

  useEffect(() => {
    if (token) void mine.load();
  }, [token]);

  return (
    <section class="lottery-page">
      <p>
        <a href="/lottery">{t("lotteryBack")}</a>
      </p>
      <h1>{t("lotteryMyEntriesTitle")}</h1>
      {mine.loading.value && <Loading />}
      <ErrorBox error={mine.error.value} />
      {data && (
        <>
          <p>{t("lotteryMyEntriesFor", { contact: data.contactMasked })}</p>
          {data.entries.length === 0 && (
            <p class="empty-state">{t("lotteryMyEntriesEmpty")}</p>
          )}
          <ul class="cards" data-testid="my-entries">
            {data.entries.map((entry) => (
              <li key={`${entry.drawId}-${entry.keyHash}`} class="card">
                <h2>
                  <a href={`/lottery/${entry.drawId}`}>{entry.drawTitle}</a>
                </h2>
                <p>
                  {t("lotteryReceiptLine", {
                    sign: entry.fiscalSign,
                    kgd: entry.kgdNumber,
                    sum: formatTiyn(entry.receiptTotal, lang),
                    date: formatLocalDateTime(entry.receiptDateTime),
                  })}
                </p>
                <p>
                  {entry.place !== null ? (
                    <strong>
                      {t("lotteryMyEntriesWon", { place: entry.place })}
                    </strong>
                  ) : (
                    t(`lotteryStatus_${entry.drawStatus}`)
                  )}
                </p>
              </li>
            ))}
          </ul>
          <p class="muted">{t("lotteryMyEntriesLinkUsed")}</p>
        </>
      )}
      <MyEntriesLinkForm />
    </section>
  );
}
