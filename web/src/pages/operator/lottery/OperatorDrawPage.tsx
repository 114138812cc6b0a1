import { useRoute } from "preact-iso";
import { useEffect } from "preact/hooks";
import { ErrorBox } from "../../../components/ErrorBox";
import { Guard } from "../../../components/Guard";
import { Loading } from "../../../components/Loading";
import { t } from "../../../i18n";
import { formatDateTime } from "../../../lib/format";
import { useModel } from "../../../lib/use-model";
import { createResource } from "../../../models/resource-model";
import { DrawSummary } from "../../lottery/DrawSummary";
import "../../lottery/lottery.css";
import { CommitSeedPanel } from "./CommitSeedPanel";
import { fetchOperatorDraw } from "./operator-lottery-api";
import "./operator-lottery.css";
import { RunDrawPanel } from "./RunDrawPanel";
import { createSeedModel } from "./seed-model";

/**
 * Shows one draw at /operator/lottery/:id: its rules and facts, the seed
 * commitment while the period runs, and the draw once it has ended.
 */
export function OperatorDrawPage() {
  return (
    <Guard kind="operator">
      <DrawView />
    </Guard>
  );
}

function DrawView() {
  const { params } = useRoute();
  const id = params.id ?? "";
  const model = useModel(() => {
    const draw = createResource(() => fetchOperatorDraw(id));
    return { draw, seed: createSeedModel(draw.data) };
  });
  const draw = model.draw.data.value;

  useEffect(() => {
    void model.draw.load();
  }, [id]);

  return (
    <section class="lottery-page">
      <p>
        <a href="/operator/lottery">{t("opLotteryBack")}</a>
      </p>
      {model.draw.loading.value && !draw && <Loading />}
      <ErrorBox error={model.draw.error.value} />
      {draw && (
        <>
          <h1 data-testid="operator-draw-title">{draw.title}</h1>
          <DrawSummary draw={draw} />
          <p class="operator-draw-actions">
            <a href={`/lottery/${draw.id}`}>{t("opLotteryPublicPage")}</a>
            {draw.status === "drawn" && (
              <a
                href={`/lottery/${draw.id}/results`}
                data-testid="operator-results-link"
              >
                {t("lotteryResultsLink")}
              </a>
            )}
          </p>
          <h2>{t("lotteryRules")}</h2>
          <p class="draw-rules" data-testid="operator-draw-rules">
            {draw.rulesText}
          </p>

          <h2>{t("opLotteryCommitTitle")}</h2>
          {draw.seedHash ? (
            <dl class="draw-proof">
              <dt>{t("lotterySeedHash")}</dt>
              <dd data-testid="operator-seed-hash">{draw.seedHash}</dd>
              <dt>{t("opLotteryCommittedAt")}</dt>
              <dd>{formatDateTime(draw.committedAt ?? "")}</dd>
            </dl>
          ) : draw.status === "closed" || draw.status === "drawn" ? (
            <p class="error-box" role="alert">
              {t("opLotteryCommitTooLate", { to: draw.periodTo })}
            </p>
          ) : (
            <CommitSeedPanel model={model.seed} periodTo={draw.periodTo} />
          )}

          <h2>{t("opLotteryRunTitle")}</h2>
          <RunDrawPanel draw={draw} model={model.seed} />
        </>
      )}
    </section>
  );
}
