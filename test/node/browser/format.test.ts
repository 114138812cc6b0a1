import { describe, expect, it } from "vitest";
import { formatDateTime } from "../../../web/src/lib/format";

describe("formatDateTime", () => {
  it("uses the given time zone", () => {
    expect(formatDateTime("2026-12-04T17:03:00.000Z", "Asia/Almaty")).toBe(
      "04.12.2026 22:03",
    );
    expect(formatDateTime("2026-12-04T23:30:00.000Z", "Asia/Almaty")).toBe(
      "05.12.2026 04:30",
    );
  });

  it("returns unreadable text as it is", () => {
    expect(formatDateTime("not a date", "Asia/Almaty")).toBe("not a date");
  });
});
