import { AuditTable } from "../../components/AuditTable";
import { Guard } from "../../components/Guard";
import { t } from "../../i18n";
import { useModel } from "../../lib/use-model";
import { createOperatorAuditModel } from "../../models/operator-model";

/** What operators did: approvals, rejections, blocks. */
export function OperatorAuditPage() {
  return (
    <Guard kind="operator">
      <OperatorAuditView />
    </Guard>
  );
}

function OperatorAuditView() {
  const list = useModel(createOperatorAuditModel);
  return (
    <section>
      <h1>{t("operatorAuditTitle")}</h1>
      <AuditTable list={list} />
    </section>
  );
}
