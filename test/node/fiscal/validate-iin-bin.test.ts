import { describe, expect, it } from "vitest";
import { isValidIinBin } from "../../../durable/fiscal/validate-ticket";

describe("isValidIinBin", () => {
  it.each([
    { text: "960624350642", kind: "person's IIN" },
    { text: "250340011472", kind: "company BIN" },
    { text: "250140000013", kind: "synthetic BIN" },
    { text: "900101000906", kind: "second weights" },
  ])("accepts $text ($kind)", ({ text }) => {
    expect(isValidIinBin(text)).toBe(true);
  });

  it.each([
    { text: "960624350643", reason: "wrong check digit" },
    { text: "250340011471", reason: "wrong check digit" },
    { text: "281948271821", reason: "registration number, not IIN" },
    { text: "900101000920", reason: "remainder 10 twice" },
    { text: "96062435064", reason: "11 digits" },
    { text: "9606243506420", reason: "13 digits" },
    { text: "96062435064a", reason: "letter" },
    { text: " 960624350642", reason: "leading space" },
    { text: "", reason: "empty" },
  ])("rejects $text ($reason)", ({ text }) => {
    expect(isValidIinBin(text)).toBe(false);
  });
});
