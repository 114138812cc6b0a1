import { useRoute } from "preact-iso";
import { useEffect } from "preact/hooks";
import { ErrorBox } from "../../components/ErrorBox";
import { Loading } from "../../components/Loading";
import { t } from "../../i18n";
import { useModel } from "../../lib/use-model";
import { createResource } from "../../models/resource-model";
import { fetchResults, type PublicEntry } from "./lottery-api";
import { VerifyPanel } from "./VerifyPanel";
import "./lottery.css";

/**
 * Shows the published result at /lottery/:id/results: the seed and its
 * committed hash, the list digest, the winners and the whole masked list,
 * with a button that recomputes everything in the browser.
 */
export function ResultsPage() {
  const { params } = useRoute();
  const id = params.id ?? "";
  const results = useModel(() => createResource(() => fetchResults(id)));
  const data = results.data.value;

  useEffect(() => {
    void results.load();
  }, [id]);

  return (
    <section class="lottery-page">
      <p>
        <a href={`/lottery/${id}`}>{t("lotteryBackToDraw")}</a>
      </p>
      {results.loading.value && !data && <Loading />}
      <ErrorBox error={results.error.value} />
      {data && (
        <>
          <h1>{t("lotteryResultsTitle", { title: data.draw.title })}</h1>
          <dl class="draw-proof">
            <dt>{t("lotterySeed")}</dt>
            <dd data-testid="results-seed">{data.draw.seed}</dd>
            <dt>{t("lotterySeedHash")}</dt>
            <dd data-testid="results-seed-hash">{data.draw.seedHash}</dd>
            <dt>{t("lotteryListDigest")}</dt>
            <dd>{data.draw.listDigest}</dd>
          </dl>
          <VerifyPanel results={data} />
          <h2>{t("lotteryWinners")}</h2>
          {data.winners.length === 0 ? (
            <p class="empty-state">{t("lotteryNoWinners")}</p>
          ) : (
            <ol class="entry-list" data-testid="results-winners">
              {data.winners.map((winner) => (
                <EntryRow
                  key={winner.place}
                  entry={winner}
                  label={t("lotteryPlace", { place: winner.place })}
                />
              ))}
            </ol>
          )}
          <h2>{t("lotteryEntryList")}</h2>
          <p class="muted">{t("lotteryHowTo")}</p>
          <ol class="entry-list" start={0} data-testid="results-entries">
            {data.entries.map((entry) => (
              <EntryRow
                key={entry.index}
                entry={entry}
                label={t("lotteryIndex", { index: entry.index })}
              />
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

function EntryRow({ entry, label }: { entry: PublicEntry; label: string }) {
  return (
    <li class="entry-row">
      <strong>{label}</strong>
      <span>
        {t("lotteryMaskedEntry", {
          kgd: entry.kgdNumberMasked,
          sign: entry.fiscalSignMasked,
          contact: entry.contactMasked,
        })}
      </span>
      <code class="key-hash">{entry.keyHash}</code>
    </li>
  );
}
