/**
 * KKM management in real Chromium against wrangler dev. The KKM simulator
 * runs as a separate process over the Worker's WebSocket transport. Covered:
 * activation in the form, a live receipt on the KKM view, the Z report
 * against what was sold, a token reset the register notices, the CSV and
 * XLSX exports, a KGD number change in the edit form, and deregistration.
 */
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launchChromium } from "./chromium";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runSimulator, type SimulatorRun } from "../e2e/simulator-process";
import { signUpApproved } from "./kkm-signup";
import {
  buildPortalIfStale,
  startPortalSystem,
  withCheckDigit,
  type PortalSystem,
} from "./portal-system";

const PHONE = { width: 390, height: 844 };
const TAXPAYER = {
  iinBin: withCheckDigit("95010235064"),
  email: "kassa@example.kz",
  password: "Kassa-pass1",
};
const KGD_NUMBER = "600400123456";
const NEW_KGD_NUMBER = "600400654321";

let system: PortalSystem;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let stateDir: string;
/** Set by the activation test; later tests need it. */
let kkm: { id: string; token: string } | null = null;
/** Fiscal signs of the receipts sold, in order. */
const soldSigns: string[] = [];

/** Today's date in Almaty, where the KKM and the simulator keep time. */
function almatyToday(): string {
  return new Intl.DateTimeFormat("en-CA", {
    timeZone: "Asia/Almaty",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(new Date());
}

/** Runs a simulator command as the activated KKM over WebSocket. */
async function simulate(...args: string[]): Promise<SimulatorRun> {
  if (!kkm) throw new Error("no KKM: the activation test failed first");
  return runSimulator([
    ...args,
    "--ws",
    system.url.replace(/^http/, "ws"),
    "--id",
    kkm.id,
    "--token",
    kkm.token,
    "--state",
    path.join(stateDir, "till.json"),
  ]);
}

/** Runs a simulator command and expects result 0. */
async function simulateOk(...args: string[]): Promise<SimulatorRun> {
  const run = await simulate(...args);
  expect(
    run.exitCode,
    `simulator ${args.join(" ")}: ${JSON.stringify(run.output)} ${run.stderr}`,
  ).toBe(0);
  return run;
}

beforeAll(async () => {
  await buildPortalIfStale();
  system = await startPortalSystem();
  stateDir = await mkdtemp(path.join(os.tmpdir(), "kz-ofd-kkm-sim-"));
  // launch() gives Chromium a fresh temporary profile and removes it on close.
  browser = await launchChromium();
  context = await browser.newContext({
    baseURL: system.url,
    viewport: PHONE,
    isMobile: true,
    hasTouch: true,
    acceptDownloads: true,
  });
  page = await context.newPage();
  await signUpApproved(browser, system, page, TAXPAYER);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await system?.stop();
  if (stateDir) await rm(stateDir, { recursive: true, force: true });
});

describe("KKM management in Chromium", () => {
  it("activation form rejects bad KGD number", async () => {
    await page.goto("/kkms/new");
    await page.waitForSelector("#field-modelId option:nth-child(2)", {
      state: "attached",
    });
    await page.fill("#field-kgdNumber", "12345");
    await page.click("form.card button[type=submit]");

    await expect
      .poll(() => page.textContent("#field-kgdNumber-problem"))
      .toBe("Регистрационный номер КГД — это 12 цифр.");
    expect(
      await page.isVisible("[data-testid=kkm-activated]"),
      "activated screen after a rejected form",
    ).toBe(false);
  });

  it("activation shows system id and token", async () => {
    await page.fill("#field-kgdNumber", KGD_NUMBER);
    await page.fill("#field-serialNumber", "SN-0001");
    await page.selectOption("#field-modelId", { index: 1 });
    await page.fill("#field-internalName", "Касса №3");
    // A new organisation has no point of sale, so the form creates one.
    await page.fill("#field-posTitle", "Магазин");
    await page.fill("#field-posCity", "Астана");
    await page.fill("#field-posAddress", "Васютина 41");
    await page.selectOption("#field-timeZone", "Asia/Almaty");
    await page.selectOption("#field-deviceType", "pos-system");
    await page.check("input[name=connectionMethod][value=wireless]");
    await page.fill("#field-operatingSystem", "Android 12");
    await page.check("input[name=filedBy][value=organisation]");
    await page.click("form.card button[type=submit]");

    await page.waitForSelector("[data-testid=kkm-activated]");
    const id = (await page.textContent("[data-testid=kkm-system-id]"))!.trim();
    const token = (await page.textContent("[data-testid=kkm-token]"))!.trim();
    expect(id, "system id").toMatch(/^\d+$/);
    expect(token, "token").toMatch(/^\d+$/);
    expect(await page.textContent("[data-testid=kkm-token-notice]")).toContain(
      "только один раз",
    );
    kkm = { id, token };
  });

  it("list groups the KKM by point of sale", async () => {
    await page.goto("/kkms");
    const group = page.locator("[data-testid=kkm-group]").first();
    await group.waitFor();

    expect(await group.locator("h2").textContent()).toBe(
      "Астана (Васютина 41)",
    );
    expect(await page.textContent(`[data-testid=kkm-row-${kkm?.id}] a`)).toBe(
      "Астана (Васютина 41) → Касса №3",
    );
  });

  it("live receipt appears without reload", async () => {
    await simulateOk("info", "--kgd", KGD_NUMBER);
    await page.goto(`/kkms/${kkm?.id}`);
    await page.waitForSelector("[data-testid=kkm-live-state][data-state=open]");
    const navigations: string[] = [];
    page.on("framenavigated", (frame) => navigations.push(frame.url()));

    const bread = await simulateOk("sell", "--item", "Bread:250:2");
    soldSigns.push(bread.output.fiscalSign!);
    const sign = page.locator("[data-testid=kkm-transaction-sign]", {
      hasText: bread.output.fiscalSign!,
    });
    await sign.waitFor({ timeout: 15_000 });

    const row = page.locator("[data-testid=kkm-transaction]").first();
    expect(await row.locator("td").nth(2).textContent()).toBe(
      "Продажа, наличные",
    );
    expect(
      await row.locator("[data-testid=kkm-transaction-total]").textContent(),
    ).toBe("500,00");
    await expect
      .poll(() => page.textContent("[data-testid=kkm-shift-sales]"))
      .toBe("500,00 ₸");
    expect(navigations, "page navigated while waiting").toEqual([]);
  });

  it("Z report matches what was sold", async () => {
    const milk = await simulateOk("sell", "--item", "Milk:480:1");
    soldSigns.push(milk.output.fiscalSign!);
    await simulateOk("close-shift");

    // Reports reach D1 from the KKM's outbox shortly after the close.
    await page.goto(`/kkms/${kkm?.id}/reports/z`);
    await expect
      .poll(
        async () => {
          await page.reload();
          await page.waitForSelector(".kkm-filters");
          await page
            .locator("[data-testid=kkm-report-row], .empty-state")
            .first()
            .waitFor();
          return page.locator("[data-testid=kkm-report-row]").count();
        },
        { timeout: 20_000, interval: 1_000 },
      )
      .toBe(1);
    const row = page.locator("[data-testid=kkm-report-row]");
    expect(await row.locator("td").nth(2).textContent(), "revenue").toBe(
      "980,00",
    );
    expect(await page.textContent("[data-testid=kkm-range]")).toBe("1–1 из 1");

    await row.locator("a").click();
    await page.waitForSelector("[data-testid=kkm-report-title]");
    expect(await page.textContent("[data-testid=kkm-report-revenue]")).toBe(
      "980,00",
    );
    const totals = page.locator(
      "[data-testid=kkm-report-summary] [data-testid=kkm-report-totals] td",
    );
    expect(await totals.nth(0).textContent(), "sale count").toBe("2");
    expect(await totals.nth(1).textContent(), "sale sum").toBe("980,00");
    expect(
      await page.isVisible("[data-testid=kkm-report-differs]"),
      "discrepancy mark without a register report",
    ).toBe(false);
  });

  it("receipt page shows lines and QR", async () => {
    await page.goto(`/kkms/${kkm?.id}/receipts/${soldSigns[0]}`);
    await page.waitForSelector("[data-testid=receipt-total]");

    expect(await page.textContent("[data-testid=receipt-total]")).toBe(
      "500,00 ₸",
    );
    expect(await page.textContent(".receipt-lines")).toContain("Bread");
    expect(await page.isVisible("svg.receipt-qr")).toBe(true);
  });

  it("token reset makes the register fail", async () => {
    await page.goto(`/kkms/${kkm?.id}/details`);
    await page.waitForSelector("[data-testid=kkm-details]");
    expect(await page.textContent("[data-testid=kkm-details]")).toContain(
      KGD_NUMBER,
    );
    await page.click("[data-testid=kkm-reset-token]");
    await page.click("[data-testid=kkm-dialog-confirm]");
    await page.waitForSelector("[data-testid=kkm-new-token]");
    const newToken = await page.textContent(
      "[data-testid=kkm-new-token] [data-testid=kkm-token]",
    );

    const run = await simulate("sell", "--item", "Tea:100:1");

    expect(newToken, "new token").toMatch(/^\d+$/);
    expect(run.exitCode, JSON.stringify(run.output)).toBe(2);
    expect(run.output.result?.code, "result code").toBe(2);
  });

  it("receipts CSV lists the sales", async () => {
    const today = almatyToday();
    await page.goto("/kkms/exports");
    await page.waitForSelector("[data-testid=kkm-export-csv]");
    await page.fill("#field-from", today);
    await page.fill("#field-to", today);
    await page.fill("#field-kkmId", kkm!.id);

    // The receipt index is filled from the KKM's outbox shortly after sales.
    let lines: string[] = [];
    let bytes: Buffer = Buffer.alloc(0);
    await expect
      .poll(
        async () => {
          const href = await page.getAttribute(
            "[data-testid=kkm-export-csv]",
            "href",
          );
          const response = await page.request.get(href!);
          bytes = await response.body();
          lines = bytes.subarray(3).toString("utf8").trim().split(/\r?\n/);
          return lines.length;
        },
        { timeout: 20_000, interval: 1_000 },
      )
      .toBe(3);

    expect(bytes.subarray(0, 3).toString("hex"), "UTF-8 BOM").toBe("efbbbf");
    expect(lines[0]).toBe(
      "KKM,Fiscal sign,Autonomous number,Shift,Operation,Local time,Received at (UTC),Total (KZT)",
    );
    const cells = lines.slice(1).map((line) => line.split(","));
    expect(cells.map((row) => row[1])).toEqual(soldSigns);
    expect(cells.map((row) => row[7])).toEqual(["500.00", "480.00"]);
    expect(cells.map((row) => row[4])).toEqual(["sell", "sell"]);
  });

  it("XLSX export shows rows read", async () => {
    const download = page.waitForEvent("download");
    await page.click("[data-testid=kkm-export-xlsx]");
    const file = await download;
    await page.waitForSelector("[data-testid=kkm-export-done]");

    expect(file.suggestedFilename()).toMatch(/^receipts-.*\.xlsx$/);
    expect(await page.textContent("[data-testid=kkm-export-done]")).toBe(
      "Файл XLSX готов, строк: 2.",
    );
    const stream = await file.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).subarray(0, 2).toString("latin1")).toBe("PK");
  });

  it("KGD number change keeps previous", async () => {
    await page.goto(`/kkms/${kkm?.id}/details`);
    await page.waitForSelector("[data-testid=kkm-details]");
    await page.click("[data-testid=kkm-edit]");
    await page.waitForSelector("#field-pointOfSaleId option:nth-child(2)", {
      state: "attached",
    });
    const form = page.locator("[data-testid=kkm-edit-form]");

    // The client-side check mirrors the API's 12-digit rule.
    await page.fill("#field-kgdNumber", "6004006543");
    await form.locator("button[type=submit]").click();
    await expect
      .poll(() => page.textContent("#field-kgdNumber-problem"))
      .toBe("Регистрационный номер КГД — это 12 цифр.");

    await page.fill("#field-kgdNumber", NEW_KGD_NUMBER);
    await form.locator("button[type=submit]").click();
    expect(
      await page.textContent("[data-testid=kkm-edit-kgd-text]"),
      "confirmation text",
    ).toBe(
      `В чеках будет печататься номер ${NEW_KGD_NUMBER} вместо ${KGD_NUMBER}. Прежний номер останется в карточке ККМ как предыдущий.`,
    );
    await page.click("[data-testid=kkm-dialog-confirm]");
    await page.waitForSelector("[data-testid=kkm-edit-saved]");

    const value = (label: string) =>
      page
        .locator("[data-testid=kkm-details] .data-row", {
          has: page.locator("dt", { hasText: new RegExp(`^${label}$`) }),
        })
        .locator("dd")
        .textContent();
    await expect
      .poll(() => value("Регистрационный номер КГД"), { timeout: 10_000 })
      .toBe(NEW_KGD_NUMBER);
    expect(await value("Прежний регистрационный номер КГД")).toBe(KGD_NUMBER);
    expect(
      await page.isVisible("[data-testid=kkm-edit-form]"),
      "form left open after saving",
    ).toBe(false);
  });

  it("deregistration needs a reason", async () => {
    await page.goto(`/kkms/${kkm?.id}/details`);
    await page.waitForSelector("[data-testid=kkm-details]");
    await page.click("[data-testid=kkm-deregister]");
    await page.click("[data-testid=kkm-dialog-confirm]");

    expect(await page.textContent(".kkm-dialog .field-problem")).toBe(
      "Укажите причину снятия с учёта.",
    );
    await page.fill("#kkm-deregister-reason", "Касса продана");
    await page.click("[data-testid=kkm-dialog-confirm]");
    await page.waitForSelector("[data-testid=kkm-deregister]", {
      state: "detached",
    });

    const details = await page.textContent("[data-testid=kkm-details]");
    expect(details, "status row").toContain("Снята с учёта");
    expect(details, "reason row").toContain("Касса продана");
  });
});
