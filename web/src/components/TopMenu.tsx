import { useLocation } from "preact-iso";
import { t, type TextKey } from "../i18n";
import { closeMenu, menuOpen } from "../models/menu-model";
import { me } from "../models/session-model";

interface MenuItem {
  href: string;
  label: TextKey;
}

const TAXPAYER_MENU: MenuItem[] = [
  { href: "/kkms", label: "menuKkms" },
  { href: "/services", label: "menuServices" },
  { href: "/organisation", label: "menuOrganisation" },
  { href: "/admin/users", label: "menuAdministration" },
  { href: "/help", label: "menuHelp" },
];

const OPERATOR_MENU: MenuItem[] = [
  { href: "/operator", label: "menuOperatorOrganisations" },
  { href: "/operator/applications", label: "menuOperatorApplications" },
  { href: "/operator/audit", label: "menuOperatorAudit" },
  { href: "/operator/lottery", label: "menuOperatorLottery" },
  { href: "/operator/oked", label: "menuOperatorOked" },
  { href: "/help", label: "menuHelp" },
];

const GUEST_MENU: MenuItem[] = [
  { href: "/login", label: "menuLogin" },
  { href: "/register", label: "menuRegister" },
  { href: "/help", label: "menuHelp" },
];

/** The top menu for the caller's kind; folds away on narrow screens. */
export function TopMenu() {
  const { path } = useLocation();
  const kind = me.value?.user.kind;
  const items =
    kind === "operator"
      ? OPERATOR_MENU
      : kind === "taxpayer"
        ? TAXPAYER_MENU
        : GUEST_MENU;

  return (
    <nav
      id="top-menu"
      class={menuOpen.value ? "top-menu open" : "top-menu"}
      aria-label={t("menuLabel")}
    >
      <ul>
        {items.map((item) => {
          const current =
            path === item.href || path.startsWith(`${item.href}/`);
          return (
            <li key={item.href}>
              <a
                href={item.href}
                aria-current={current ? "page" : undefined}
                onClick={closeMenu}
              >
                {t(item.label)}
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
