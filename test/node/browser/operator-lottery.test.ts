/**
 * The operator's lottery pages in real Chromium against wrangler dev. The
 * operator announces a draw in the form and commits to a seed generated in
 * the browser. After the period ends, the operator runs the draw with that
 * seed and opens the public results.
 */
import { createHash } from "node:crypto";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { launchChromium } from "./chromium";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runChecked } from "../../../scripts/lib/processes";
import {
  buildPortalIfStale,
  createOperator,
  startPortalSystem,
  type PortalSystem,
} from "./portal-system";

const ROOT = path.resolve(import.meta.dirname, "../../..");
const OPERATOR = { login: "lottery-host", password: "Operator-pass1" };
const TITLE = "Декабрьский розыгрыш";
const RULES = "Участвуют чеки от 500 тенге.\nОдин приз.";

let system: PortalSystem;
let browser: Browser;
let page: Page;
let drawId: string;
let seed: string;

/** Returns the Asia/Almaty date `days` from today, `YYYY-MM-DD`. */
function almatyDay(days: number): string {
  const today = new Intl.DateTimeFormat("en-CA", {
    timeZone: "Asia/Almaty",
  }).format(new Date());
  const date = new Date(`${today}T00:00:00Z`);
  return new Date(date.getTime() + days * 86_400_000)
    .toISOString()
    .slice(0, 10);
}

/** Loads the draws the API lists, with the browser's session. */
async function listedDraws(): Promise<
  { id: string; status: string; seedHash: string | null }[]
> {
  const response = await page.request.get("/api/operator/lottery/draws");
  return ((await response.json()) as { items: never[] }).items;
}

/**
 * Moves the draw's period to end yesterday in the local D1: the Worker
 * reads the real clock, and the test cannot wait for midnight in Almaty.
 */
function endPeriod(id: string): void {
  runChecked(process.execPath, [
    path.join(ROOT, "node_modules/wrangler/bin/wrangler.js"),
    "d1",
    "execute",
    "DB",
    "--local",
    "--persist-to",
    system.persistTo,
    "--command",
    `UPDATE lottery_draws SET period_from = '${almatyDay(-1)}', period_to = '${almatyDay(-1)}' WHERE id = '${id}'`,
  ]);
}

/** Fills the "new draw" form; `change` overrides the valid values. */
async function fillDraw(change: Record<string, string> = {}): Promise<void> {
  const values: Record<string, string> = {
    title: TITLE,
    rulesText: RULES,
    periodFrom: almatyDay(0),
    periodTo: almatyDay(0),
    prizeCount: "1",
    minReceiptTotal: "500",
    ...change,
  };
  for (const [name, value] of Object.entries(values)) {
    await page.fill(`#field-${name}`, value);
  }
}

beforeAll(async () => {
  await buildPortalIfStale();
  system = await startPortalSystem();
  await createOperator(system.persistTo, OPERATOR.login, OPERATOR.password);
  browser = await launchChromium();
  const context = await browser.newContext({ baseURL: system.url });
  await context.grantPermissions(["clipboard-read", "clipboard-write"], {
    origin: system.url,
  });
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

describe("operator lottery pages", () => {
  it("menu links to the draws", async () => {
    await page.click("#top-menu a[href='/operator/lottery']");
    await page.waitForSelector("text=Розыгрышей пока нет.");

    expect(await page.textContent("h1")).toBe("Розыгрыши онлайн-лотереи");
  });

  it("form checks every field", async () => {
    await page.click("[data-testid=new-draw]");
    await page.waitForSelector("[data-testid=new-draw-form]");
    await fillDraw({
      title: "  ",
      rulesText: "",
      periodFrom: almatyDay(1),
      periodTo: almatyDay(0),
      prizeCount: "1001",
      minReceiptTotal: "12.345",
    });
    await page.click("[data-testid=new-draw-form] button[type=submit]");

    expect(await page.textContent("#field-title-problem")).toBe(
      "Заполните это поле.",
    );
    expect(await page.textContent("#field-rulesText-problem")).toBe(
      "Заполните это поле.",
    );
    expect(await page.textContent("#field-periodTo-problem")).toBe(
      "Последний день не может быть раньше первого дня периода.",
    );
    expect(await page.textContent("#field-prizeCount-problem")).toBe(
      "Введите целое число от 1 до 1000.",
    );
    expect(await page.textContent("#field-minReceiptTotal-problem")).toBe(
      "Введите сумму в тенге: цифры и до двух знаков после запятой.",
    );
    expect(await listedDraws(), "draws after a rejected form").toEqual([]);
  });

  it("form rejects a past period", async () => {
    await fillDraw({ periodFrom: almatyDay(-3), periodTo: almatyDay(-1) });
    await page.click("[data-testid=new-draw-form] button[type=submit]");

    expect(await page.textContent("#field-periodTo-problem")).toBe(
      "Этот день уже прошёл; выберите сегодня или более поздний день.",
    );
    expect(await listedDraws(), "draws after a rejected form").toEqual([]);
  });

  it("server error under its field", async () => {
    const message =
      "Invalid request. minReceiptTotal: must be at most 100000000000000 tiyn";
    await page.route("**/api/operator/lottery/draws", (route) =>
      route.request().method() === "POST"
        ? route.fulfill({
            status: 400,
            contentType: "application/json",
            body: JSON.stringify({
              error: { code: "BAD_REQUEST", message, requestId: "req_1" },
            }),
          })
        : route.continue(),
    );
    await fillDraw();
    await page.click("[data-testid=new-draw-form] button[type=submit]");
    await page.waitForSelector("#field-minReceiptTotal-problem");
    await page.unroute("**/api/operator/lottery/draws");

    expect(await page.textContent("#field-minReceiptTotal-problem")).toBe(
      "minReceiptTotal: must be at most 100000000000000 tiyn",
    );
    expect(await page.locator(".error-box").count(), "form-level box").toBe(0);
  });

  it("creates a draw", async () => {
    await fillDraw();
    await page.click("[data-testid=new-draw-form] button[type=submit]");
    await page.waitForURL(/\/operator\/lottery\/draw_[0-9a-f]{24}$/);
    drawId = new URL(page.url()).pathname.split("/").pop()!;
    await page.waitForSelector("[data-testid=operator-draw-title]");

    expect(await page.textContent("[data-testid=operator-draw-title]")).toBe(
      TITLE,
    );
    expect(await page.textContent("[data-testid=operator-draw-rules]")).toBe(
      RULES,
    );
    expect(await page.textContent("[data-testid=draw-status]")).toBe(
      "Приём чеков открыт",
    );
    expect(await page.textContent("[data-testid=run-note]")).toBe(
      `Провести розыгрыш можно с ${almatyDay(1)}, после конца периода.`,
    );
    expect(
      await page.isDisabled("[data-testid=run-form] button[type=submit]"),
      "run button before the period ends",
    ).toBe(true);
  });

  it("commit rejects a bad own seed", async () => {
    await page.check("input[name=seed-source][value=paste]");
    await page.fill("#seed-paste", "short seed");
    await page.check("#seed-saved");
    await page.click("[data-testid=commit-form] button[type=submit]");

    expect(await page.textContent("#commit-problem")).toBe(
      "Зерно — от 16 до 256 печатных символов ASCII, без пробелов и кириллицы.",
    );
    expect((await listedDraws())[0]?.seedHash, "hash after reject").toBe(null);
  });

  it("commit needs the stored box", async () => {
    await page.check("input[name=seed-source][value=generate]");
    await page.click("[data-testid=seed-generate]");
    seed = (await page.textContent("[data-testid=generated-seed]")) ?? "";
    await page.click("[data-testid=commit-form] button[type=submit]");

    expect(seed).toMatch(/^[0-9a-f]{64}$/);
    expect(await page.textContent("#commit-problem")).toContain(
      "Сначала сохраните зерно",
    );
    expect((await listedDraws())[0]?.seedHash, "hash after reject").toBe(null);
  });

  it("copy button copies the seed", async () => {
    await page.click("[data-testid=commit-form] .seed-box button >> nth=0");
    await page.waitForSelector("text=Зерно скопировано.");

    const copied = await page.evaluate("navigator.clipboard.readText()");
    expect(copied).toBe(seed);
  });

  it("commits the generated seed", async () => {
    const expected = createHash("sha256").update(seed).digest("hex");
    await page.check("#seed-saved");
    await page.click("[data-testid=commit-form] button[type=submit]");
    await page.waitForSelector("[data-testid=operator-seed-hash]");

    expect(await page.textContent("[data-testid=operator-seed-hash]")).toBe(
      expected,
    );
    expect(await page.textContent("main"), "seed shown again").not.toContain(
      seed,
    );
    expect((await listedDraws())[0]?.seedHash, "stored hash").toBe(expected);
  });

  it("run rejects a wrong seed", async () => {
    endPeriod(drawId);
    await page.reload();
    await page.waitForSelector("[data-testid=operator-seed-hash]");
    await page.fill("#run-seed", "a-seed-that-was-never-committed");
    await page.click("[data-testid=run-form] button[type=submit]");

    expect(await page.textContent("[data-testid=draw-status]")).toBe(
      "Приём закрыт, ждёт розыгрыша",
    );
    expect(await page.textContent("#run-seed-problem")).toBe(
      "SHA-256 этого зерна не совпадает с опубликованным хешем; введите зерно, хеш которого был опубликован.",
    );
    expect((await listedDraws())[0]?.status, "status after reject").toBe(
      "closed",
    );
  });

  it("runs the draw and opens results", async () => {
    await page.fill("#run-seed", seed);
    await page.click("[data-testid=run-form] button[type=submit]");
    await page.waitForSelector("[data-testid=operator-drawn]");
    await page.click("[data-testid=operator-results-link]");
    await page.waitForURL(`**/lottery/${drawId}/results`);
    await page.getByTestId("verify-button").click({ timeout: 15_000 });
    const verdict = page.getByTestId("verify-result");
    await verdict.waitFor({ timeout: 15_000 });

    expect(await page.getByTestId("results-seed").textContent()).toBe(seed);
    expect(await verdict.getAttribute("data-state")).toBe("confirmed");
  });

  it("list shows the drawn status", async () => {
    await page.goto("/operator/lottery");
    const card = page.locator(`[data-testid=draw-${drawId}]`);
    await card.waitFor();

    expect(await card.locator("[data-testid=draw-status]").textContent()).toBe(
      "Разыгран",
    );
    expect(await card.textContent()).toContain("Хеш зерна опубликован.");
  });
});
