import { useLocation, useRoute } from "preact-iso";
import { useEffect } from "preact/hooks";
import { ErrorBox } from "../../components/ErrorBox";
import { Loading } from "../../components/Loading";
import { t } from "../../i18n";
import { useModel } from "../../lib/use-model";
import { createResource } from "../../models/resource-model";
import { fieldsFromQuery } from "../check/check-params";
import { DrawSummary } from "./DrawSummary";
import { EntryForm } from "./EntryForm";
import { fetchDraw } from "./lottery-api";
import "./lottery.css";

/** Shows a draw at /lottery/:id: its rules, facts and, while open, the entry form. */
export function DrawPage() {
  const { params } = useRoute();
  const location = useLocation();
  const id = params.id ?? "";
  const draw = useModel(() => createResource(() => fetchDraw(id)));
  const current = draw.data.value;

  useEffect(() => {
    void draw.load();
  }, [id]);

  return (
    <section class="lottery-page">
      <p>
        <a href="/lottery">{t("lotteryBack")}</a>
      </p>
      {draw.loading.value && !current && <Loading />}
      <ErrorBox error={draw.error.value} />
      {current && (
        <>
          <h1 data-testid="draw-title">{current.title}</h1>
          <DrawSummary draw={current} />
          <h2>{t("lotteryRules")}</h2>
          <p class="draw-rules">{current.rulesText}</p>
          <p class="muted draw-hash">
            {current.seedHash
              ? t("lotteryCommitted", { hash: current.seedHash })
              : t("lotteryNotCommitted")}
          </p>
          {current.status === "drawn" && (
            <p>
              <a href={`/lottery/${current.id}/results`}>
                {t("lotteryResultsLink")}
              </a>
            </p>
          )}
          {current.status === "open" ? (
            <EntryForm
              drawId={current.id}
              prefill={fieldsFromQuery(location.query)}
              onEntered={() => void draw.load()}
            />
          ) : (
            <p class="lottery-note">{t("lotteryClosedNote")}</p>
          )}
        </>
      )}
    </section>
  );
}
