/**
 * The buyers' lottery in real Chromium against a real wrangler dev. The
 * simulator sells a receipt through the gateway, and the buyer opens its QR URL, follows the link
 * into a draw and enters with a phone. Then the operator commits a seed
 * hash, the period ends, the draw runs, and the results page verifies it.
 */
import path from "node:path";
import { createHash } from "node:crypto";
import type { Browser, Page } from "playwright-core";
import { launchChromium } from "./chromium";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runChecked } from "../../../scripts/lib/processes";
import { runSimulator } from "../e2e/simulator-process";
import { startLocalSystem, type LocalSystem } from "../e2e/local-system";
import { buildPortalIfStale, createOperator } from "./portal-system";

const ROOT = path.resolve(import.meta.dirname, "../../..");
const PHONE = { width: 390, height: 844 };
const SEED = "browser-test-seed-5d1e0c7a92";
const OPERATOR_LOGIN = "lottery_operator";
const OPERATOR_PASSWORD = "Secret-1";

let system: LocalSystem;
let browser: Browser;
let operator: { cookie: string; csrf: string };
let drawId: string;
let qrUrl: string;

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

/** Calls an operator route; throws unless the status is `expected`. */
async function operatorCall(
  pathName: string,
  body: unknown,
  expected: number,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
): Promise<any> {
  const response = await fetch(`${system.workerUrl}${pathName}`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      cookie: `ofd_session=${operator.cookie}`,
      "x-csrf-token": operator.csrf,
    },
    body: JSON.stringify(body),
  });
  const json = await response.json();
  if (response.status !== expected) {
    throw new Error(
      `POST ${pathName} returned ${response.status}: ${JSON.stringify(json)}`,
    );
  }
  return json;
}

async function signInOperator(): Promise<{ cookie: string; csrf: string }> {
  await createOperator(system.persistTo, OPERATOR_LOGIN, OPERATOR_PASSWORD);
  const response = await fetch(`${system.workerUrl}/api/operator/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      login: OPERATOR_LOGIN,
      password: OPERATOR_PASSWORD,
    }),
  });
  const body = (await response.json()) as { csrfToken: string };
  const cookie = /ofd_session=([0-9a-f]+)/.exec(
    response.headers.get("set-cookie") ?? "",
  );
  if (!cookie) throw new Error(`operator login failed: ${response.status}`);
  return { cookie: cookie[1]!, csrf: body.csrfToken };
}

/**
 * Moves the draw's period to end yesterday in the local D1, as if its last
 * day had passed: the Worker reads the real clock, and the test cannot
 * wait for midnight in Asia/Almaty. The receipt is dated yesterday, so it
 * stays inside the moved period.
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

async function openPage(url: string): Promise<Page> {
  const page = await browser.newPage({ viewport: PHONE });
  await page.goto(url);
  return page;
}

beforeAll(async () => {
  await buildPortalIfStale();
  system = await startLocalSystem("http");
  browser = await launchChromium();
  operator = await signInOperator();

  const created = await operatorCall(
    "/api/operator/lottery/draws",
    {
      title: "Browser draw",
      rulesText: "Sale receipts of at least 500 tenge take part.",
      periodFrom: almatyDay(-1),
      periodTo: almatyDay(0),
      prizeCount: 1,
      minReceiptTotal: 50_000,
    },
    201,
  );
  drawId = created.draw.id;

  // The receipt is dated yesterday so that it stays inside the period
  // after the test moves the period's end to yesterday.
  const kkm = system.demo.kkms[0]!;
  const sale = await runSimulator([
    "sell",
    "--host",
    "127.0.0.1",
    "--port",
    String(system.gatewayPort),
    "--id",
    String(kkm.kkmId),
    "--token",
    String(kkm.token),
    "--state",
    path.join(system.persistTo, "lottery-kkm.json"),
    "--at",
    `${almatyDay(-1)}T18:05:09`,
    "--item",
    "Prize:1234.50:1",
  ]);
  if (sale.exitCode !== 0 || !sale.output.qr) {
    throw new Error(`simulator sale failed: ${JSON.stringify(sale.output)}`);
  }
  qrUrl = sale.output.qr;
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await system?.stop();
});

describe("lottery in the browser", () => {
  it("enters a receipt from its QR URL", async () => {
    const page = await openPage(qrUrl);

    await page.getByTestId("check-enter-lottery").click({ timeout: 15_000 });
    await page.getByTestId("lottery-prefill-note").waitFor();
    await page.getByTestId("draw-link").first().click();
    await page.locator("#entry-contact").waitFor({ timeout: 15_000 });
    const prefilledSign = await page.inputValue("#entry-i");
    await page.fill("#entry-contact", "+7 701 234 56 78");
    await page.click("form.lottery-form button[type=submit]");
    const accepted = page.getByTestId("entry-accepted");
    await accepted.waitFor({ timeout: 15_000 });

    expect(prefilledSign).toBe(new URL(qrUrl).searchParams.get("i"));
    expect(await accepted.textContent()).toContain("+7•••••••5678");
    const overflow = await page.evaluate<number>(
      "document.documentElement.scrollWidth - window.innerWidth",
    );
    expect(overflow, "page wider than a phone screen").toBeLessThanOrEqual(0);
    await page.close();
  });

  it("verifies the draw in the browser", async () => {
    const seedHash = createHash("sha256").update(SEED).digest("hex");
    await operatorCall(
      `/api/operator/lottery/draws/${drawId}/commit`,
      { seedHash },
      200,
    );
    endPeriod(drawId);
    await operatorCall(
      `/api/operator/lottery/draws/${drawId}/draw`,
      { seed: SEED },
      200,
    );

    const page = await openPage(
      `${system.workerUrl}/lottery/${drawId}/results`,
    );
    await page.getByTestId("verify-button").click({ timeout: 15_000 });
    const verdict = page.getByTestId("verify-result");
    await verdict.waitFor({ timeout: 15_000 });

    expect(await verdict.getAttribute("data-state")).toBe("confirmed");
    expect(await page.getByTestId("results-seed").textContent()).toBe(SEED);
    expect(await page.getByTestId("results-seed-hash").textContent()).toBe(
      seedHash,
    );
    expect(await page.getByTestId("results-winners").textContent()).toContain(
      "+7•••••••5678",
    );
    await page.close();
  });
});
