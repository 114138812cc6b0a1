import { t } from "../i18n";

/** Props of MoreButton. */
export interface MoreButtonProps {
  list: {
    nextCursor: { value: string | null };
    loading: { value: boolean };
    loadMore(): Promise<void>;
  };
}

/** Loads the next page of a list while there is one. */
export function MoreButton({ list }: MoreButtonProps) {
  if (list.nextCursor.value === null) return null;
  return (
    <button
      type="button"
      disabled={list.loading.value}
      onClick={() => void list.loadMore()}
    >
      {t("loadMore")}
    </button>
  );
}
