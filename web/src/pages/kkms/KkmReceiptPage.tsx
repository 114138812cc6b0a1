import { useEffect } from "preact/hooks";
import { fetchReceipt } from "../../api/kkms";
import { ErrorBox } from "../../components/ErrorBox";
import { Guard } from "../../components/Guard";
import { Loading } from "../../components/Loading";
import { t } from "../../i18n";
import { useModel } from "../../lib/use-model";
import { createResource } from "../../models/resource-model";
import { ReceiptView } from "../check/ReceiptView";
import "../check/check.css";
import "./kkms.css";

/** Props of KkmReceiptPage, from the route. */
export interface KkmReceiptPageProps {
  id?: string;
  fiscalSign?: string;
}

/** One receipt of a KKM with every line, laid out to print. */
export function KkmReceiptPage({
  id = "",
  fiscalSign = "",
}: KkmReceiptPageProps) {
  return (
    <Guard kind="taxpayer" right="view_reports">
      <ReceiptBody id={id} fiscalSign={fiscalSign} />
    </Guard>
  );
}

function ReceiptBody({ id, fiscalSign }: Required<KkmReceiptPageProps>) {
  const receipt = useModel(() =>
    createResource(() => fetchReceipt(id, fiscalSign)),
  );

  useEffect(() => {
    void receipt.load();
  }, []);

  return (
    <section class="check-page kkm-printable">
      <p class="no-print">
        <a href={`/kkms/${encodeURIComponent(id)}`}>{t("kkmBackToKkm")}</a>
      </p>
      <h1 class="no-print">{t("kkmReceiptTitle", { sign: fiscalSign })}</h1>
      <ErrorBox error={receipt.error.value} />
      {receipt.loading.value && <Loading />}
      {receipt.data.value && (
        <>
          <ReceiptView receipt={receipt.data.value} />
          <button type="button" class="no-print" onClick={() => window.print()}>
            {t("kkmPrint")}
          </button>
        </>
      )}
    </section>
  );
}
