import { useLocation } from "preact-iso";
import { t } from "../i18n";
import { me, signOut } from "../models/session-model";

/** Who is signed in, with links to own data and to sign out. */
export function AccountBar() {
  const { route } = useLocation();
  const current = me.value;
  if (!current) return null;

  const name =
    current.user.fullName || current.user.iinBin || current.user.email;
  const logout = async () => {
    await signOut();
    route(current.user.kind === "operator" ? "/operator/login" : "/login");
  };

  return (
    <div class="account-bar">
      {current.user.kind === "taxpayer" ? (
        <a href="/profile" class="account-name">
          {name}
        </a>
      ) : (
        <span class="account-name">{name}</span>
      )}
      <button type="button" class="link-button" onClick={logout}>
        {t("logout")}
      </button>
    </div>
  );
}
