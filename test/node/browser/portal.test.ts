/**
 * The portal in real Chromium against wrangler dev: the registration
 * wizard on a phone, scans approved by an operator, an invited user who
 * lacks a right, and the language switch.
 */
import os from "node:os";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launchChromium } from "./chromium";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buildPortalIfStale,
  createOperator,
  smallPdf,
  startPortalSystem,
  withCheckDigit,
  type PortalSystem,
} from "./portal-system";

/** Where the phone screenshot of the wizard is written. */
const SCREENSHOT = path.join(os.tmpdir(), "kz-ofd-wizard-phone.png");

const PHONE = { width: 390, height: 844 };

/** Present once the page has loaded the signed-in caller. */
const SESSION_READY = ".layout[data-session=ready]";
const OWNER_IIN = withCheckDigit("96062435064");
const INVITED_IIN = withCheckDigit("88010130012");
const OWNER_PASSWORD = "Owner-pass1";
const OPERATOR = { login: "reviewer", password: "Operator-pass1" };
const INVITED_EMAIL = "cashier@example.kz";

let system: PortalSystem;
let browser: Browser;
let owner: BrowserContext;
let ownerPage: Page;
/** Why the operator account could not be created, or null. */
let operatorSetupError: string | null = null;
/** "script" when npm run operator made the account, "sql" otherwise. */
let operatorCreatedBy: "script" | "sql" | null = null;

/** Opens a fresh context (own cookies) on the portal. */
async function newContext(phone = false): Promise<BrowserContext> {
  return browser.newContext({
    baseURL: system.url,
    viewport: phone ? PHONE : { width: 1200, height: 900 },
    isMobile: phone,
    hasTouch: phone,
  });
}

beforeAll(async () => {
  await buildPortalIfStale();
  system = await startPortalSystem();
  try {
    operatorCreatedBy = await createOperator(
      system.persistTo,
      OPERATOR.login,
      OPERATOR.password,
    );
  } catch (error) {
    // Reported by the operator test itself, so the other tests still run.
    operatorSetupError = (error as Error).message;
  }

  // launch() gives Chromium a fresh temporary profile and removes it on close.
  browser = await launchChromium();
  owner = await newContext(true);
  ownerPage = await owner.newPage();
}, 150_000);

afterAll(async () => {
  await browser?.close();
  await system?.stop();
});

describe("portal in Chromium", () => {
  it("wizard step 1 checks and creates account", async () => {
    const page = ownerPage;
    await page.goto("/register");

    // A wrong check digit is caught before anything is sent.
    await page.fill("#field-iinBin", "960624350649");
    await page.fill("#field-email", "owner@example.kz");
    await page.fill("#field-password", OWNER_PASSWORD);
    await page.fill("#field-repeatPassword", OWNER_PASSWORD);
    await page.click("button[type=submit]");
    await expect
      .poll(() => page.textContent("#field-iinBin-problem"))
      .toContain("контрольная цифра");

    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    await page.fill("#field-iinBin", OWNER_IIN);
    await page.click("button[type=submit]");
    await page.waitForSelector("#field-registrationCertificateNumber");
    await expect
      .poll(() => page.isVisible("[data-testid=offer-banner]"))
      .toBe(true);
  });

  it("taken IIN/BIN shows at its field", async () => {
    const other = await newContext();
    const page = await other.newPage();
    await page.goto("/register");
    await page.fill("#field-iinBin", OWNER_IIN);
    await page.fill("#field-email", "second@example.kz");
    await page.fill("#field-password", OWNER_PASSWORD);
    await page.fill("#field-repeatPassword", OWNER_PASSWORD);
    await page.click("button[type=submit]");

    await expect
      .poll(() => page.textContent("#field-iinBin-problem"))
      .toContain("already exists");
    await other.close();
  });

  it("phone menu folds and unfolds", async () => {
    const page = ownerPage;

    expect(await page.isVisible("#top-menu"), "menu open at start").toBe(false);
    await page.click(".menu-toggle");
    expect(await page.isVisible("#top-menu"), "menu after toggle").toBe(true);
    await page.click(".menu-toggle");
  });

  it("wizard step 2 stores requisites", async () => {
    const page = ownerPage;

    await page.fill("#field-registrationCertificateNumber", "12345-1910-ТОО");
    await page.fill("#field-registrationCertificateDate", "2020-03-15");
    await page.fill("#field-fullName", "ТОО «Тестовая торговля»");
    await page.fill("#field-legalAddress", "Астана, ул. Васютина, 41");
    await page.fill("#field-actualAddress", "Астана, ул. Васютина, 41");
    await page.selectOption("#field-taxationRegime", "simplified");
    await page.waitForSelector("#field-okedCode option:nth-child(2)", {
      state: "attached",
    });
    await page.selectOption("#field-okedCode", { index: 1 });
    await page.fill("#field-directorFullName", "Иванов Иван Иванович");
    await page.fill("#field-phone", "+7 7172 123456");
    await page.click("button[type=submit]");

    await page.waitForSelector("[data-testid=offer-text]");
    expect(await page.textContent("[data-testid=offer-text]")).not.toBe("");
  });

  it("wizard step 3 uploads the scan", async () => {
    const page = ownerPage;

    await page.setInputFiles("#scan-file", {
      name: "application.pdf",
      mimeType: "application/pdf",
      buffer: smallPdf(),
    });
    await page.click("form.card button[type=submit]");

    await page.waitForSelector("[data-testid=wizard-success]");
    await page.goto("/help");
    await page.waitForSelector(SESSION_READY);
    expect(
      await page.isVisible("[data-testid=offer-banner]"),
      "banner while scans wait",
    ).toBe(true);
  });

  it("sign-in resumes the session", async () => {
    const page = ownerPage;
    await page.click(".menu-toggle");
    await page.click(".account-bar .link-button");
    await page.waitForURL("**/login");

    await page.fill("#field-iinBin", OWNER_IIN);
    await page.fill("#field-password", OWNER_PASSWORD);
    await page.click("button[type=submit]");

    await page.waitForURL(`${system.url}/`);
    expect(await page.isVisible("[data-testid=offer-banner]")).toBe(true);
  });

  it("operator approves the scan", async () => {
    expect(operatorSetupError, "operator account setup failed").toBeNull();
    expect(operatorCreatedBy, "how the operator was created").not.toBeNull();
    const operator = await newContext();
    const page = await operator.newPage();
    await page.goto("/operator/login");
    await page.fill("#field-login", OPERATOR.login);
    await page.fill("#field-password", OPERATOR.password);
    await page.click("button[type=submit]");
    await page.waitForURL("**/operator");

    await page.goto("/operator/applications");
    const card = page.locator(`[data-testid=application-${OWNER_IIN}]`);
    await card.waitFor();
    const scanHref = await card.locator("a").getAttribute("href");
    const scan = await page.request.get(scanHref!);
    expect(scan.status(), "scan download status").toBe(200);
    expect((await scan.body()).subarray(0, 5).toString()).toBe("%PDF-");

    await card.locator("button.primary").click();
    await card.waitFor({ state: "detached" });
    await operator.close();
  });

  it("accepted offer removes the banner", async () => {
    await ownerPage.reload();
    await ownerPage.waitForSelector(SESSION_READY);

    expect(await ownerPage.isVisible("[data-testid=offer-banner]")).toBe(false);
  });

  it("invited user lacks manage_users", async () => {
    await ownerPage.goto("/admin/users");
    await ownerPage.fill("#field-email", INVITED_EMAIL);
    await ownerPage.click("form.card button[type=submit]");
    await ownerPage.waitForSelector(".card .success");

    const outbox = (await (
      await fetch(`${system.url}/api/dev/mail`)
    ).json()) as {
      items: { to: string; link?: string }[];
    };
    const link = outbox.items.find((mail) => mail.to === INVITED_EMAIL)?.link;
    expect(link, JSON.stringify(outbox)).toContain("/accept-invitation?token=");

    const invited = await newContext();
    const page = await invited.newPage();
    await page.goto(new URL(link!).pathname + new URL(link!).search);
    await page.fill("#field-iinBin", INVITED_IIN);
    await page.fill("#field-fullName", "Петров Пётр");
    await page.fill("#field-password", "Cashier-pass1");
    await page.click("button[type=submit]");
    await page.waitForURL(`${system.url}/`);

    await page.goto("/admin/users");
    const forbidden = page.locator("[data-testid=forbidden]");
    await forbidden.waitFor();
    expect(await forbidden.textContent()).toContain(
      "Администрирование пользователей",
    );
    await invited.close();
  });

  it("language switch is remembered", async () => {
    const page = ownerPage;
    await page.goto("/help");
    await page.click(".menu-toggle");
    await page.click(".language-switch button[lang=kk]");
    expect(await page.textContent(".brand")).toBe(
      "Фискалдық деректер операторы",
    );

    await page.reload();
    await page.waitForSelector(".brand");

    expect(await page.textContent(".brand")).toBe(
      "Фискалдық деректер операторы",
    );
    expect(await page.getAttribute("html", "lang")).toBe("kk");
  });
});
