/**
 * Brings a taxpayer through the portal's registration wizard in Chromium
 * and has an operator approve the scan, so the offer is accepted and KKM
 * management is open. The steps are those of portal.test.ts.
 */
import type { Browser, Page } from "playwright-core";
import { createOperator, smallPdf, type PortalSystem } from "./portal-system";

/** Present once the page has loaded the signed-in caller. */
export const SESSION_READY = ".layout[data-session=ready]";

/** The taxpayer's sign-in data. */
export interface Taxpayer {
  iinBin: string;
  email: string;
  password: string;
}

/** Signs `taxpayer` up in `page` and returns after the offer is accepted. */
export async function signUpApproved(
  browser: Browser,
  system: PortalSystem,
  page: Page,
  taxpayer: Taxpayer,
): Promise<void> {
  await page.goto("/register");
  await page.fill("#field-iinBin", taxpayer.iinBin);
  await page.fill("#field-email", taxpayer.email);
  await page.fill("#field-password", taxpayer.password);
  await page.fill("#field-repeatPassword", taxpayer.password);
  await page.click("button[type=submit]");

  await page.waitForSelector("#field-registrationCertificateNumber");
  await page.fill("#field-registrationCertificateNumber", "12345-1910-ТОО");
  await page.fill("#field-registrationCertificateDate", "2020-03-15");
  await page.fill("#field-fullName", "ТОО «Касса и Ко»");
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
  await page.setInputFiles("#scan-file", {
    name: "application.pdf",
    mimeType: "application/pdf",
    buffer: smallPdf(),
  });
  await page.click("form.card button[type=submit]");
  await page.waitForSelector("[data-testid=wizard-success]");

  await approveScan(browser, system, taxpayer.iinBin);
  await page.goto("/");
  await page.waitForSelector(SESSION_READY);
}

async function approveScan(
  browser: Browser,
  system: PortalSystem,
  iinBin: string,
): Promise<void> {
  const operator = { login: "kkm-reviewer", password: "Operator-pass1" };
  await createOperator(system.persistTo, operator.login, operator.password);

  const context = await browser.newContext({ baseURL: system.url });
  const page = await context.newPage();
  await page.goto("/operator/login");
  await page.fill("#field-login", operator.login);
  await page.fill("#field-password", operator.password);
  await page.click("button[type=submit]");
  await page.waitForURL("**/operator");

  await page.goto("/operator/applications");
  const card = page.locator(`[data-testid=application-${iinBin}]`);
  await card.waitFor();
  await card.locator("button.primary").click();
  await card.waitFor({ state: "detached" });
  await context.close();
}
