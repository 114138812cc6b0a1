import { SectionNav, type SectionNavProps } from "../SectionNav";

/** Tabs of the KKM management section. */
export const KKM_SECTION: SectionNavProps["items"] = [
  { href: "/kkms", label: "kkmNavList" },
  { href: "/kkms/new", label: "kkmNavActivate" },
  { href: "/kkms/receipts", label: "kkmNavReceipts" },
  { href: "/kkms/exports", label: "kkmNavExports" },
];

/** Tabs between the KKM management pages. */
export function KkmSectionNav() {
  return <SectionNav items={KKM_SECTION} />;
}

/** Props of KkmTabs. */
export interface KkmTabsProps {
  id: string;
}

/** Tabs between the pages of one KKM. */
export function KkmTabs({ id }: KkmTabsProps) {
  const base = `/kkms/${encodeURIComponent(id)}`;
  return (
    <SectionNav
      items={[
        { href: base, label: "kkmTabView" },
        { href: `${base}/details`, label: "kkmTabDetails" },
        { href: `${base}/reports/z`, label: "kkmTabZReports" },
        { href: `${base}/reports/x`, label: "kkmTabXReports" },
      ]}
    />
  );
}
