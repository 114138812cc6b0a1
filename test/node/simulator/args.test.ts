import { describe, expect, it } from "vitest";
import {
  parseCommandLine,
  parseItem,
  parseLineModifier,
  parsePayment,
  UsageError,
} from "../../../simulator/args";
import { runKkm } from "./harness";

describe("parseItem", () => {
  it("reads name, price, quantity and section", () => {
    expect(parseItem("Хлеб:250.50:2:5")).toEqual({
      name: "Хлеб",
      price: 25050n,
      quantity: 2000n,
      section: "5",
    });
  });

  it("defaults the section to 1", () => {
    expect(parseItem("Молоко:480:1.5").section).toBe("1");
  });

  it("keeps colons in the name", () => {
    expect(parseItem("Кабель: 2 м:1500:1").name).toBe("Кабель: 2 м");
    expect(parseItem("Кабель: 2 м:1500:1").section).toBe("1");
  });

  it.each([
    "Хлеб",
    "Хлеб:250.505:1",
    "Хлеб:250:0",
    "Хлеб:250:1.2345",
    ":250:1",
    "Хлеб:abc:1",
  ])("rejects %j naming the option", (value) => {
    expect(() => parseItem(value)).toThrow(UsageError);
    expect(() => parseItem(value)).toThrow(`invalid --item "${value}"`);
  });
});

describe("parsePayment", () => {
  it("reads a kind with and without amount", () => {
    expect(parsePayment("card:500")).toEqual({ kind: "card", amount: 50000n });
    expect(parsePayment("mobile")).toEqual({ kind: "mobile" });
  });

  it.each(["cheque", "card:abc", "card:0", "card:1:2", "cash:-5"])(
    "rejects %j",
    (value) => {
      expect(() => parsePayment(value)).toThrow(/invalid --pay/);
    },
  );
});

describe("parseLineModifier", () => {
  it("reads a line number and amount", () => {
    expect(parseLineModifier("discount", "2:10.5")).toEqual({
      kind: "discount",
      line: 2,
      amount: 1050n,
    });
  });

  it("rejects a missing line number", () => {
    expect(() => parseLineModifier("markup", "10")).toThrow(
      /invalid --line-markup "10": expected line:amount/,
    );
  });
});

describe("parseCommandLine", () => {
  it("reads two-word commands and env fallbacks", () => {
    const parsed = parseCommandLine(["offline", "deposit", "500"], {
      KKM_ID: "12",
      KKM_TOKEN: "34",
      KKM_HOST: "127.0.0.2",
      KKM_PORT: "7000",
    });

    expect(parsed.command).toEqual(["offline", "deposit"]);
    expect(parsed.operands).toEqual(["500"]);
    expect(parsed.global.id).toBe(12);
    expect(parsed.global.token).toBe(34);
    expect(parsed.global.host).toBe("127.0.0.2");
    expect(parsed.global.port).toBe(7000);
    expect(parsed.global.protocol).toBeUndefined();
  });

  it.each([
    [["info", "--id", "x"], /invalid --id "x"/],
    [["info", "--id", "0"], /invalid --id "0"/],
    [["info", "--token", "4294967296"], /invalid --token/],
    [["info", "--port", "70000"], /invalid --port "70000"/],
    [["info", "--protocol", "204"], /invalid --protocol "204": expected 202/],
    [["info", "--at", "2025-02-30T10:00:00"], /invalid --at/],
    [["info", "--kgd", "62-03"], /invalid --kgd/],
    [["info", "--frobnicate"], /Unknown option '--frobnicate'/],
  ])("rejects %j", (argv, message) => {
    expect(() => parseCommandLine(argv, {})).toThrow(message);
  });
});

describe("runCommand argument errors", () => {
  it("exits 64 for an unknown command", async () => {
    const run = await runKkm(["frob", "--id", "1", "--token", "1"]);
    expect(run.code).toBe(64);
    expect(run.stderr).toContain('unknown command "frob"');
  });

  it("exits 64 without an id", async () => {
    const run = await runKkm(["info"]);
    expect(run.code).toBe(64);
    expect(run.stderr).toContain("missing --id");
  });

  it("exits 64 for a bad VAT rate in JSON mode", async () => {
    const run = await runKkm([
      "sell",
      "--json",
      "--state",
      "/nonexistent-dir/kkm.json",
      "--id",
      "1",
      "--token",
      "1",
      "--item",
      "A:1:1",
      "--vat",
      "13",
    ]);

    expect(run.code).toBe(64);
    expect(run.json.error).toEqual({
      type: "UsageError",
      message: 'invalid --vat "13": expected 12, 16, 0 or none',
    });
  });

  it("prints help", async () => {
    const run = await runKkm(["--help"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Usage: npm run kkm");
  });
});
