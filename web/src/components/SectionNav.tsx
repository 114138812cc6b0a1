import { useLocation } from "preact-iso";
import { t, type TextKey } from "../i18n";

/** Props of SectionNav. */
export interface SectionNavProps {
  items: { href: string; label: TextKey }[];
}

/** Tabs between the pages of one menu section. */
export function SectionNav({ items }: SectionNavProps) {
  const { path } = useLocation();

  return (
    <nav class="section-nav" aria-label={t("sectionNavLabel")}>
      {items.map((item) => (
        <a
          key={item.href}
          href={item.href}
          aria-current={path === item.href ? "page" : undefined}
        >
          {t(item.label)}
        </a>
      ))}
    </nav>
  );
}

/** Tabs of the Organisation data section. */
export const ORGANISATION_SECTION: SectionNavProps["items"] = [
  { href: "/organisation", label: "navOrganisation" },
  { href: "/profile", label: "navProfile" },
  { href: "/organisation/audit", label: "navAudit" },
];

/** Tabs of the Administration section. */
export const ADMIN_SECTION: SectionNavProps["items"] = [
  { href: "/admin/users", label: "navUsers" },
  { href: "/admin/groups", label: "navGroups" },
];
