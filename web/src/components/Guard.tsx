import type { ComponentChildren } from "preact";
import { useEffect } from "preact/hooks";
import { useLocation } from "preact-iso";
import { t } from "../i18n";
import type { Right } from "../lib/rights";
import {
  hasRight,
  me,
  sessionError,
  sessionLoaded,
} from "../models/session-model";
import { ErrorBox } from "./ErrorBox";
import { Forbidden } from "./Forbidden";
import { Loading } from "./Loading";

/** Props of Guard. */
export interface GuardProps {
  kind: "taxpayer" | "operator";
  right?: Right;
  children: ComponentChildren;
}

/**
 * Shows `children` only to a signed-in caller of `kind` holding `right`;
 * sends others to the matching sign-in page. The API checks again.
 */
export function Guard({ kind, right, children }: GuardProps) {
  const { route, url } = useLocation();
  const current = me.value;
  const signedOut = sessionLoaded.value && !current && !sessionError.value;

  useEffect(() => {
    if (!signedOut) return;
    const login = kind === "operator" ? "/operator/login" : "/login";
    route(`${login}?next=${encodeURIComponent(url)}`, true);
  }, [signedOut, kind, url]);

  if (sessionError.value) return <ErrorBox error={sessionError.value} />;
  if (!current) return <Loading />;
  if (current.user.kind !== kind) {
    return (
      <section class="forbidden" role="alert" data-testid="forbidden">
        <h1>{t("forbiddenTitle")}</h1>
        <p>{t(kind === "operator" ? "operatorOnly" : "taxpayerOnly")}</p>
      </section>
    );
  }
  if (right && !hasRight(right)) return <Forbidden right={right} />;
  return <>{children}</>;
}
