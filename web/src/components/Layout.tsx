import type { ComponentChildren } from "preact";
import { t } from "../i18n";
import { menuOpen, toggleMenu } from "../models/menu-model";
import { sessionLoaded } from "../models/session-model";
import { AccountBar } from "./AccountBar";
import { LanguageSwitch } from "./LanguageSwitch";
import { OfferBanner } from "./OfferBanner";
import { TopMenu } from "./TopMenu";

/** Props of Layout. */
export interface LayoutProps {
  children: ComponentChildren;
}

/** The page frame: header with menu and language switch, banner, content. */
export function Layout({ children }: LayoutProps) {
  return (
    <div
      class="layout"
      data-session={sessionLoaded.value ? "ready" : "loading"}
    >
      <header class="site-header">
        <div class="header-row">
          <a href="/" class="brand">
            {t("brand")}
          </a>
          <button
            type="button"
            class="menu-toggle"
            aria-expanded={menuOpen.value}
            aria-controls="top-menu"
            onClick={toggleMenu}
          >
            {t("menuToggle")}
          </button>
          <div class="header-tools">
            <LanguageSwitch />
            <AccountBar />
          </div>
        </div>
        <TopMenu />
      </header>
      <OfferBanner />
      <main class="content">{children}</main>
      <footer class="site-footer">
        <p>{t("footer")}</p>
      </footer>
    </div>
  );
}
