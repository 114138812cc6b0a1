import { useEffect } from "preact/hooks";
import { EmptyState } from "../../../components/EmptyState";
import { ErrorBox } from "../../../components/ErrorBox";
import { Guard } from "../../../components/Guard";
import { Loading } from "../../../components/Loading";
import { t } from "../../../i18n";
import { useModel } from "../../../lib/use-model";
import { createResource } from "../../../models/resource-model";
import { DrawSummary } from "../../lottery/DrawSummary";
import "../../lottery/lottery.css";
import { listOperatorDraws } from "./operator-lottery-api";
import "./operator-lottery.css";

/** Lists the draws at /operator/lottery with their status and commitment. */
export function OperatorDrawsPage() {
  return (
    <Guard kind="operator">
      <DrawsView />
    </Guard>
  );
}

function DrawsView() {
  const draws = useModel(() => createResource(listOperatorDraws));
  const items = draws.data.value;

  useEffect(() => {
    void draws.load();
  }, []);

  return (
    <section>
      <h1>{t("opLotteryTitle")}</h1>
      <p class="muted">{t("opLotteryIntro")}</p>
      <p>
        <a class="button" href="/operator/lottery/new" data-testid="new-draw">
          {t("opLotteryNew")}
        </a>
      </p>
      {draws.loading.value && !items && <Loading />}
      <ErrorBox error={draws.error.value} />
      {items?.length === 0 && <EmptyState text="opLotteryEmpty" />}
      <ul class="cards">
        {(items ?? []).map((draw) => (
          <li key={draw.id} class="card" data-testid={`draw-${draw.id}`}>
            <h2>
              <a href={`/operator/lottery/${draw.id}`}>{draw.title}</a>
            </h2>
            <DrawSummary draw={draw} />
            <p class="muted">
              {draw.seedHash
                ? t("opLotteryHashCommitted")
                : t("opLotteryHashMissing")}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
