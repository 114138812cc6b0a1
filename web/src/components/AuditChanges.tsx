import type { FieldChange } from "../api/types";
import { changeValue } from "../lib/audit-text";

/** Props of AuditChanges. */
export interface AuditChangesProps {
  changes: Record<string, FieldChange>;
}

/** The fields an audit entry changed: field, old value, new value. */
export function AuditChanges({ changes }: AuditChangesProps) {
  const fields = Object.entries(changes);
  if (fields.length === 0) return null;
  return (
    <ul class="changes">
      {fields.map(([field, change]) => (
        <li key={field}>
          <code>{field}</code>: {changeValue(change.from)} →{" "}
          {changeValue(change.to)}
        </li>
      ))}
    </ul>
  );
}
