import { t, type TextKey } from "../i18n";

/** Props of EmptyState. */
export interface EmptyStateProps {
  text: TextKey;
}

/** What a list shows when it has no items. */
export function EmptyState({ text }: EmptyStateProps) {
  return <p class="empty-state">{t(text)}</p>;
}
