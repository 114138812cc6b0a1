import { useEffect } from "preact/hooks";
import type { KkmDetails } from "../../api/kkms";
import { ErrorBox } from "../../components/ErrorBox";
import { Guard } from "../../components/Guard";
import { Loading } from "../../components/Loading";
import { KkmTabs } from "../../components/kkm/KkmNav";
import { t, type TextKey } from "../../i18n";
import { formatDateTime } from "../../lib/format";
import { useModel } from "../../lib/use-model";
import { language } from "../../models/language-model";
import { createKkmViewModel } from "../../models/kkm-view-model";
import { formatTiyn } from "../check/receipt-format";
import { pointOfSaleLabel } from "./kkm-format";
import { TransactionsList } from "./TransactionsList";
import "./kkms.css";

/** Props of a page routed with a KKM id. */
export interface KkmPageProps {
  id?: string;
}

/** Shows a KKM: live state, shift, status and the latest receipts. */
export function KkmViewPage({ id = "" }: KkmPageProps) {
  return (
    <Guard kind="taxpayer" right="view_reports">
      <KkmTabs id={id} />
      <ViewBody id={id} />
    </Guard>
  );
}

function ViewBody({ id }: { id: string }) {
  const model = useModel(() => createKkmViewModel(id));
  const kkm = model.kkm.data.value;

  useEffect(() => {
    void model.load();
    return model.stop;
  }, []);

  if (model.kkm.error.value) return <ErrorBox error={model.kkm.error.value} />;
  if (!kkm) return <Loading />;

  return (
    <section>
      <h1 data-testid="kkm-title">{kkm.internalName}</h1>
      <p class="muted">{pointOfSaleLabel(kkm.pointOfSale)}</p>
      <StateCard kkm={kkm} liveState={model.feed.state.value} />
      <TransactionsList kkmId={id} model={model} />
    </section>
  );
}

interface StateCardProps {
  kkm: KkmDetails;
  liveState: "connecting" | "open" | "closed";
}

function StateCard({ kkm, liveState }: StateCardProps) {
  const money = (tiyn: number) => formatTiyn(tiyn, language.value);
  const live = kkm.live;
  const shift = kkm.shift;
  const asOf = live?.lastContactAt
    ? formatDateTime(live.lastContactAt, kkm.timeZone)
    : null;

  return (
    <div class="card kkm-state">
      <dl class="data-list">
        <Fact label="kkmSystemId" value={String(kkm.id)} />
        <Fact label="kkmFieldKgdNumber" value={kkm.kgdNumber} />
        <div class="data-row">
          <dt>{t("kkmLinkState")}</dt>
          <dd data-testid="kkm-online">
            <span class={live?.online ? "kkm-online" : "kkm-offline"}>
              {t(live?.online ? "kkmOnline" : "kkmOffline")}
            </span>{" "}
            {asOf ? t("kkmAsOf", { time: asOf }) : t("kkmNeverConnected")}
            {live?.autonomousLimitPassedAt && (
              <strong class="kkm-warning">{t("kkmAutonomousLimit")}</strong>
            )}
          </dd>
        </div>
        <Fact
          label="kkmShiftNumber"
          value={shift?.shiftNumber ? String(shift.shiftNumber) : ""}
          testId="kkm-shift-number"
          empty={t("kkmShiftClosed")}
        />
        <Fact
          label="kkmShiftSales"
          value={`${money(shift?.salesTotal ?? 0)} ₸`}
          testId="kkm-shift-sales"
        />
        <Fact
          label="kkmFieldStatus"
          value={t(`kkmStatus_${kkm.status}` as TextKey)}
          testId="kkm-status"
        />
        <Fact
          label="kkmActivatedAt"
          value={
            kkm.activatedAt ? formatDateTime(kkm.activatedAt, kkm.timeZone) : ""
          }
          empty={t("kkmNotActivated")}
        />
      </dl>
      <p
        class="muted"
        role="status"
        data-testid="kkm-live-state"
        data-state={liveState}
      >
        {t(`kkmLive_${liveState}` as TextKey)}
      </p>
    </div>
  );
}

interface FactProps {
  label: TextKey;
  value: string;
  testId?: string;
  empty?: string;
}

function Fact({ label, value, testId, empty = "—" }: FactProps) {
  return (
    <div class="data-row">
      <dt>{t(label)}</dt>
      <dd data-testid={testId}>{value === "" ? empty : value}</dd>
    </div>
  );
}
