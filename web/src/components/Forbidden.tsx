import { t } from "../i18n";
import type { Right } from "../lib/rights";

/** Props of Forbidden. */
export interface ForbiddenProps {
  right: Right;
}

/** The message shown instead of a page the user has no right to see. */
export function Forbidden({ right }: ForbiddenProps) {
  return (
    <section class="forbidden" role="alert" data-testid="forbidden">
      <h1>{t("forbiddenTitle")}</h1>
      <p>{t("forbiddenText", { right: t(`right_${right}`) })}</p>
    </section>
  );
}
