import type { ComponentChildren } from "preact";
import { t, type TextKey } from "../i18n";

/** Props of DataList. */
export interface DataListProps {
  rows: { label: TextKey; value: ComponentChildren }[];
}

/** Label and value pairs of a record in view mode. */
export function DataList({ rows }: DataListProps) {
  return (
    <dl class="data-list">
      {rows.map((row) => (
        <div key={row.label} class="data-row">
          <dt>{t(row.label)}</dt>
          <dd>{row.value === "" || row.value === null ? "—" : row.value}</dd>
        </div>
      ))}
    </dl>
  );
}
