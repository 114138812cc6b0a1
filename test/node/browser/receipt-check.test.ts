/**
 * The buyer's receipt check in real Chromium: a demo KKM sells a receipt
 * over the HTTP transport of a real wrangler dev, and the browser opens the
 * receipt's QR URL, uses the form, and shows the not-found state.
 */
import type { Browser, Page } from "playwright-core";
import { launchChromium } from "./chromium";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CommandTypeEnum,
  ResultTypeEnum,
  type RequestSchema,
} from "../../../proto/messages";
import type { MessageInitShape } from "@bufbuild/protobuf";
import { readResponse, requestFrame, saleTicket } from "../../workers/frames";
import { startLocalSystem, type LocalSystem } from "../e2e/local-system";

/** A phone's viewport, so the page is checked at the size buyers use. */
const PHONE = { width: 390, height: 844 };

let system: LocalSystem;
let browser: Browser;
let sale: { fiscalSign: string; qrUrl: string; kgdNumber: string };
let localTime: { year: number; month: number; day: number } & Record<
  "hour" | "minute" | "second",
  number
>;

/** Current wall-clock time in Asia/Almaty, the demo KKMs' zone. */
function almatyNow() {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-CA", {
      timeZone: "Asia/Almaty",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hourCycle: "h23",
    })
      .formatToParts(new Date())
      .map((part) => [part.type, Number(part.value)]),
  );
  return {
    year: parts.year!,
    month: parts.month!,
    day: parts.day!,
    hour: parts.hour!,
    minute: parts.minute!,
    second: parts.second!,
  };
}

/** Sends one request frame of demo KKM 0 over POST /kkm/frame. */
async function send(
  token: number,
  reqNum: number,
  init: MessageInitShape<typeof RequestSchema>,
) {
  const kkm = system.demo.kkms[0]!;
  const frame = requestFrame({ kkmId: kkm.kkmId, token, reqNum }, init);
  const response = await fetch(`${system.workerUrl}/kkm/frame`, {
    method: "POST",
    headers: { "content-type": "application/octet-stream" },
    body: frame,
  });
  if (response.status !== 200) {
    throw new Error(`POST /kkm/frame returned ${response.status}`);
  }
  return readResponse(new Uint8Array(await response.arrayBuffer()));
}

async function openPage(url: string): Promise<Page> {
  const page = await browser.newPage({ viewport: PHONE });
  await page.goto(url);
  return page;
}

beforeAll(async () => {
  system = await startLocalSystem("http");
  browser = await launchChromium();

  const kkm = system.demo.kkms[0]!;
  localTime = almatyNow();
  const { response } = await send(kkm.token, 1, {
    command: CommandTypeEnum.COMMAND_TICKET,
    ticket: saleTicket(123_450, localTime),
  });
  if (response.result?.resultCode !== ResultTypeEnum.RESULT_TYPE_OK) {
    throw new Error(`sale failed: ${JSON.stringify(response.result)}`);
  }
  sale = {
    fiscalSign: response.ticket!.ticketNumber,
    qrUrl: new TextDecoder().decode(response.ticket!.qrCode),
    kgdNumber: kkm.kgdNumber,
  };
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await system?.stop();
});

describe("receipt check page", () => {
  it("prints the check page as QR URL", () => {
    expect(sale.qrUrl.startsWith(`${system.workerUrl}/check?i=`)).toBe(true);
    expect(sale.qrUrl).toContain(`f=${sale.kgdNumber}&s=1234.50&t=`);
  });

  it("shows the receipt of its QR URL", async () => {
    const page = await openPage(sale.qrUrl);

    const seller = page.getByTestId("receipt-seller");
    await seller.waitFor({ timeout: 15_000 });

    expect(await seller.textContent()).toBe(system.demo.organisation.title);
    expect(await page.getByTestId("receipt-total").textContent()).toBe(
      "1\u00a0234,50 ₸",
    );
    expect(await page.getByTestId("receipt-fiscal-sign").textContent()).toBe(
      sale.fiscalSign,
    );
    expect(await page.locator("svg.receipt-qr path").count()).toBe(1);
    const overflow = await page.evaluate<number>(
      "document.documentElement.scrollWidth - window.innerWidth",
    );
    expect(overflow, "page wider than a phone screen").toBeLessThanOrEqual(0);
    await page.close();
  });

  it("finds the receipt through the form", async () => {
    const page = await openPage(`${system.workerUrl}/check`);
    const pad = (value: number) => String(value).padStart(2, "0");
    const { year, month, day, hour, minute, second } = localTime;

    await page.fill("#check-i", sale.fiscalSign);
    await page.fill("#check-f", sale.kgdNumber);
    await page.fill("#check-s", "1234,50");
    await page.fill(
      "#check-t",
      `${year}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}:${pad(second)}`,
    );
    await page.click("button[type=submit]");

    const sign = page.getByTestId("receipt-fiscal-sign");
    await sign.waitFor({ timeout: 15_000 });
    expect(await sign.textContent()).toBe(sale.fiscalSign);
    expect(page.url()).toContain(`/check?i=${sale.fiscalSign}&f=`);
    await page.close();
  });

  it("marks bad fields before sending", async () => {
    const page = await openPage(`${system.workerUrl}/check`);

    await page.fill("#check-i", "12ab");
    await page.fill("#check-f", "123");
    await page.click("button[type=submit]");

    expect(await page.getAttribute("#check-i", "aria-invalid")).toBe("true");
    expect(await page.getAttribute("#check-f", "aria-invalid")).toBe("true");
    expect(page.url()).toBe(`${system.workerUrl}/check`);
    await page.close();
  });

  it("says when no receipt matches", async () => {
    const wrongSum = sale.qrUrl.replace("s=1234.50", "s=1234.51");

    const page = await openPage(wrongSum);

    const notFound = page.getByTestId("check-not-found");
    await notFound.waitFor({ timeout: 15_000 });
    expect(await page.getByTestId("receipt-seller").count()).toBe(0);
    await page.close();
  });
});
