import { useEffect } from "preact/hooks";
import type { AuditEntry } from "../api/types";
import { t } from "../i18n";
import { auditAction } from "../lib/audit-text";
import { formatDateTime } from "../lib/format";
import { AuditChanges } from "./AuditChanges";
import type { PagedList } from "../models/paged-list-model";
import { EmptyState } from "./EmptyState";
import { ErrorBox } from "./ErrorBox";
import { Loading } from "./Loading";
import { MoreButton } from "./MoreButton";

/** Props of AuditTable. */
export interface AuditTableProps {
  list: PagedList<AuditEntry>;
}

/** Audit entries: when, who, what; newest first, with paging. */
export function AuditTable({ list }: AuditTableProps) {
  useEffect(() => {
    void list.reload();
  }, []);

  const items = list.items.value;
  return (
    <>
      <ErrorBox error={list.error.value} />
      {list.loaded.value && items.length === 0 && (
        <EmptyState text="auditEmpty" />
      )}
      {items.length > 0 && (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th>{t("auditWhen")}</th>
                <th>{t("auditWho")}</th>
                <th>{t("auditWhat")}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((entry) => (
                <tr key={entry.id}>
                  <td>{formatDateTime(entry.at)}</td>
                  <td>{entry.actor.name}</td>
                  <td>
                    <span>{auditAction(entry.action)}</span>
                    <AuditChanges changes={entry.changes} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {list.loading.value && <Loading />}
      <MoreButton list={list} />
    </>
  );
}
