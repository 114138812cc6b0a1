import { AuditTable } from "../components/AuditTable";
import { Guard } from "../components/Guard";
import { ORGANISATION_SECTION, SectionNav } from "../components/SectionNav";
import { t } from "../i18n";
import { useModel } from "../lib/use-model";
import { createOrganisationAuditModel } from "../models/organisation-model";

/** Who changed what in the organisation, and when. */
export function AuditPage() {
  return (
    <Guard kind="taxpayer" right="manage_users">
      <SectionNav items={ORGANISATION_SECTION} />
      <AuditView />
    </Guard>
  );
}

function AuditView() {
  const list = useModel(createOrganisationAuditModel);
  return (
    <section>
      <h1>{t("auditTitle")}</h1>
      <AuditTable list={list} />
    </section>
  );
}
