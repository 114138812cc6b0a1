import { useLocation } from "preact-iso";
import { useEffect } from "preact/hooks";
import { EmptyState } from "../../components/EmptyState";
import { ErrorBox } from "../../components/ErrorBox";
import { Loading } from "../../components/Loading";
import { t } from "../../i18n";
import { useModel } from "../../lib/use-model";
import { createResource } from "../../models/resource-model";
import {
  fieldsFromQuery,
  hasAllFields,
  toQueryString,
} from "../check/check-params";
import { DrawSummary } from "./DrawSummary";
import { fetchDraws } from "./lottery-api";
import "./lottery.css";

/**
 * Lists the draws at /lottery. Opened with a receipt's ?i=&f=&s=&t= (from
 * the check page), every open draw's link carries the receipt along.
 */
export function LotteryListPage() {
  const location = useLocation();
  const draws = useModel(() => createResource(fetchDraws));
  const fields = fieldsFromQuery(location.query);
  const carried = hasAllFields(fields) ? `?${toQueryString(fields)}` : "";

  useEffect(() => {
    void draws.load();
  }, []);

  return (
    <section class="lottery-page">
      <h1>{t("lotteryTitle")}</h1>
      <p class="muted">{t("lotteryIntro")}</p>
      {carried && (
        <p class="lottery-note" data-testid="lottery-prefill-note">
          {t("lotteryPrefillNote")}
        </p>
      )}
      <p>
        <a href="/lottery/my-entries">{t("lotteryMyEntriesLink")}</a>
      </p>
      {draws.loading.value && <Loading />}
      <ErrorBox error={draws.error.value} />
      {draws.data.value?.length === 0 && <EmptyState text="lotteryEmpty" />}
      <ul class="cards">
        {(draws.data.value ?? []).map((draw) => (
          <li key={draw.id} class="card draw-card">
            <h2>
              <a
                href={`/lottery/${draw.id}${draw.status === "open" ? carried : ""}`}
                data-testid="draw-link"
              >
                {draw.title}
              </a>
            </h2>
            <DrawSummary draw={draw} />
            {draw.status === "drawn" && (
              <a href={`/lottery/${draw.id}/results`}>
                {t("lotteryResultsLink")}
              </a>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
