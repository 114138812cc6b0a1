/**
 * The operator's OKED classifier page in real Chromium against wrangler
 * dev: add a code, see it offered, rename it, remove it, and find each
 * change in the operators' audit log.
 */
import type { Browser, Page } from "playwright-core";
import { launchChromium } from "./chromium";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buildPortalIfStale,
  createOperator,
  startPortalSystem,
  type PortalSystem,
} from "./portal-system";

const OPERATOR = { login: "oked-editor", password: "Operator-pass1" };
const CODE = "99001";

let system: PortalSystem;
let browser: Browser;
let page: Page;

/** The row of `code` in the list. */
const row = (code: string) => page.locator(`[data-testid=oked-row-${code}]`);

beforeAll(async () => {
  await buildPortalIfStale();
  system = await startPortalSystem();
  await createOperator(system.persistTo, OPERATOR.login, OPERATOR.password);
  browser = await launchChromium();
  const context = await browser.newContext({ baseURL: system.url });
  page = await context.newPage();
  await page.goto("/operator/login");
  await page.fill("#field-login", OPERATOR.login);
  await page.fill("#field-password", OPERATOR.password);
  await page.click("button[type=submit]");
  await page.waitForURL("**/operator");
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await system?.stop();
});

describe("OKED classifier page", () => {
  it("menu links to the page", async () => {
    await page.click("#top-menu a[href='/operator/oked']");
    await page.waitForSelector("[data-testid=oked-row-47190]");

    expect(await page.textContent("h1")).toBe("Классификатор ОКЭД");
  });

  it("add form checks the code", async () => {
    const form = page.locator("[data-testid=oked-add]");
    await page.fill("#field-code", "9900");
    await page.fill("#field-name", "Тест");
    await form.locator("button[type=submit]").click();

    expect(await page.textContent("#field-code-problem")).toBe(
      "Код ОКЭД — это 5 цифр, например 47190.",
    );
  });

  it("duplicate code error under field", async () => {
    const form = page.locator("[data-testid=oked-add]");
    await page.fill("#field-code", "47190");
    await form.locator("button[type=submit]").click();

    await expect
      .poll(() => page.textContent("#field-code-problem"))
      .toContain("code: 47190 is already in the classifier");
  });

  it("adds a code", async () => {
    const form = page.locator("[data-testid=oked-add]");
    await page.fill("#field-code", CODE);
    await page.fill("#field-name", "Тестовая деятельность");
    await form.locator("button[type=submit]").click();
    await row(CODE).waitFor();

    expect(await row(CODE).locator("p").first().textContent()).toBe(
      `${CODE} Тестовая деятельность`,
    );
    const offered = await page.request.get("/api/classifiers");
    const codes = ((await offered.json()) as { oked: { code: string }[] }).oked;
    expect(
      codes.some((item) => item.code === CODE),
      "offered",
    ).toBe(true);
  });

  it("search finds by name", async () => {
    await page.fill("#oked-search", "тестовая");
    await page.click("form.search button[type=submit]");

    await expect.poll(() => page.locator("ul.cards > li").count()).toBe(1);
    expect(await row(CODE).count(), "row of the new code").toBe(1);
  });

  it("renames a code", async () => {
    await row(CODE).locator("button", { hasText: "Переименовать" }).click();
    await page.fill(`#oked-name-${CODE}`, "");
    await row(CODE).locator("button.primary").click();
    expect(await row(CODE).locator(".field-problem").textContent()).toBe(
      "Заполните это поле.",
    );

    await page.fill(`#oked-name-${CODE}`, "Новое название");
    await row(CODE).locator("button.primary").click();

    await expect
      .poll(() => row(CODE).locator("p").first().textContent())
      .toBe(`${CODE} Новое название`);
  });

  it("removes a code after confirming", async () => {
    await row(CODE).locator("button.danger").click();
    await page.click("[data-testid=kkm-dialog-confirm]");

    await row(CODE).waitFor({ state: "detached" });
    expect(await page.isVisible("dialog"), "dialog left open").toBe(false);
  });

  it("audit log lists each change", async () => {
    await page.goto("/operator/audit");
    await page.waitForSelector("text=Код ОКЭД удалён");

    const text = await page.textContent("main");
    expect(text, "create entry").toContain("Код ОКЭД добавлен");
    expect(text, "rename entry").toContain("Код ОКЭД переименован");
  });
});
