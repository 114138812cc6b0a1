/** Pure rules of the portal: client-side checks and error placement. */
import { describe, expect, it } from "vitest";
import type { Me } from "../../../web/src/api/types";
import {
  checkIinBin,
  checkPassword,
  checkPastDate,
  checkPhone,
} from "../../../web/src/lib/account-rules";
import { pageAfterSignIn } from "../../../web/src/lib/after-sign-in";
import { checkScanFile } from "../../../web/src/lib/scan-file";
import { splitServerErrors } from "../../../web/src/lib/server-errors";

describe("checkIinBin", () => {
  it.each([
    ["", "errorRequired"],
    ["12345", "errorIinBinDigits"],
    ["96062435064a", "errorIinBinDigits"],
    ["960624350643", "errorIinBinCheckDigit"],
    ["960624350642", null],
  ])("%j gives %s", (text, expected) => {
    expect(checkIinBin(text)).toBe(expected);
  });
});

describe("checkPassword", () => {
  it.each([
    ["Ab1-", "errorPasswordLength"],
    ["ABCDEF1-", "errorPasswordLower"],
    ["abcdef1-", "errorPasswordUpper"],
    ["Abcdef--", "errorPasswordDigit"],
    ["Abcdef12", "errorPasswordSymbol"],
    [`Ab1-${"x".repeat(125)}`, "errorPasswordTooLong"],
    ["Secret-1", null],
  ])("%j gives %s", (text, expected) => {
    expect(checkPassword(text)).toBe(expected);
  });
});

describe("other field checks", () => {
  it("phone needs plus and 8-15 digits", () => {
    expect(checkPhone("+7 7172 123456")).toBeNull();
    expect(checkPhone("8 7172 123456")).toBe("errorPhone");
    expect(checkPhone("+7 12")).toBe("errorPhone");
  });

  it("date must be real and past", () => {
    expect(checkPastDate("2020-03-15", "2026-01-01")).toBeNull();
    expect(checkPastDate("2020-02-30", "2026-01-01")).toBe("errorDate");
    expect(checkPastDate("2027-01-01", "2026-01-01")).toBe("errorDateFuture");
  });

  it("scan file size and type", () => {
    const max = 1000;
    expect(checkScanFile(null, max)).toBe("errorFileMissing");
    expect(checkScanFile({ name: "a.pdf", size: 0 }, max)).toBe(
      "errorFileEmpty",
    );
    expect(checkScanFile({ name: "a.pdf", size: 1001 }, max)).toBe(
      "errorFileTooLarge",
    );
    expect(checkScanFile({ name: "a.docx", size: 10 }, max)).toBe(
      "errorFileType",
    );
    expect(checkScanFile({ name: "Scan.PDF", size: 10 }, max)).toBeNull();
  });
});

describe("splitServerErrors", () => {
  const fields = ["iinBin", "email", "password"] as const;

  it("assigns schema failures to fields", () => {
    const split = splitServerErrors(
      "Invalid request. iinBin: check digit does not match; password: must contain a digit",
      fields,
    );

    expect(split.fields.iinBin).toBe("iinBin: check digit does not match");
    expect(split.fields.password).toBe("password: must contain a digit");
    expect(split.rest).toBeNull();
  });

  it("keeps unnamed parts as rest", () => {
    const split = splitServerErrors("wrong IIN/BIN or password", fields);

    expect(split.fields).toEqual({});
    expect(split.rest).toBe("wrong IIN/BIN or password");
  });

  it("keeps a domain sentence whole", () => {
    const split = splitServerErrors(
      "iinBin: an account already exists; sign in or reset the password",
      fields,
    );

    expect(split.fields.iinBin).toBe(
      "iinBin: an account already exists; sign in or reset the password",
    );
    expect(split.rest).toBeNull();
  });

  it("matches whole field names only", () => {
    const split = splitServerErrors("emailConfirmed is false", fields);

    expect(split.fields.email).toBeUndefined();
  });
});

describe("pageAfterSignIn", () => {
  const taxpayer = (status: string, step: 2 | 3 | 4): Me =>
    ({
      user: { kind: "taxpayer" },
      registration: { step, offer: { status } },
    }) as unknown as Me;

  it("sends unfinished registration to wizard", () => {
    expect(pageAfterSignIn(taxpayer("none", 2), "/organisation")).toBe(
      "/register",
    );
  });

  it("sends pending scans to the page", () => {
    expect(pageAfterSignIn(taxpayer("paper_pending", 3), "/profile")).toBe(
      "/profile",
    );
  });

  it("ignores a next outside the portal", () => {
    expect(pageAfterSignIn(taxpayer("accepted", 4), "//evil.example")).toBe(
      "/",
    );
  });

  it("sends operators to their cabinet", () => {
    const operator = { user: { kind: "operator" } } as unknown as Me;
    expect(pageAfterSignIn(operator, "/organisation")).toBe("/operator");
  });
});
