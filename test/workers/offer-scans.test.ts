import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import {
  MAX_SCAN_BYTES,
  checkScan,
  scanKey,
  storeScan,
} from "../../worker/domain/offer/scans";

function file(head: number[], size = 64): Uint8Array {
  const bytes = new Uint8Array(size);
  bytes.set(head);
  return bytes;
}

const ZIP = file([0x50, 0x4b, 0x03, 0x04]);
const PDF = new TextEncoder().encode("%PDF-1.7\n%âãÏÓ\n1 0 obj\n");
const JPEG = file([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46]);
const PNG = file([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe("checkScan", () => {
  it("accepts a ZIP archive", () => {
    expect(checkScan(ZIP, "application.zip")).toEqual({
      ok: true,
      contentType: "application/zip",
      extension: "zip",
    });
  });

  it("accepts a PDF", () => {
    expect(checkScan(PDF, "application.pdf")).toEqual({
      ok: true,
      contentType: "application/pdf",
      extension: "pdf",
    });
  });

  it("accepts a JPEG image", () => {
    expect(checkScan(JPEG, "page1.jpeg")).toEqual({
      ok: true,
      contentType: "image/jpeg",
      extension: "jpg",
    });
  });

  it("uses bytes, not the name", () => {
    expect(checkScan(PDF, "scan.jpg")).toEqual({
      ok: true,
      contentType: "application/pdf",
      extension: "pdf",
    });
  });

  it("rejects a PNG image", () => {
    expect(checkScan(PNG, "scan.png")).toEqual({
      ok: false,
      message:
        'file "scan.png" is a PNG image, which is not accepted; upload a ' +
        "ZIP archive, a PDF or a JPEG image",
    });
  });

  it("rejects an unknown type", () => {
    const text = new TextEncoder().encode("hello, world");

    expect(checkScan(text, "notes.pdf")).toEqual({
      ok: false,
      message:
        'file "notes.pdf" is of an unknown type (first bytes 68 65 6c 6c ' +
        "6f 2c 20 77), which is not accepted; upload a ZIP archive, a PDF " +
        "or a JPEG image",
    });
  });

  it("rejects a truncated magic number", () => {
    const result = checkScan(new Uint8Array([0x25, 0x50, 0x44]), "a.pdf");

    expect(result.ok).toBe(false);
  });

  it("rejects an empty file", () => {
    expect(checkScan(new Uint8Array(), "empty.pdf")).toEqual({
      ok: false,
      message:
        'file "empty.pdf" is empty; upload a ZIP archive, a PDF or a JPEG ' +
        "image of the signed application",
    });
  });

  it("accepts exactly the size limit", () => {
    const result = checkScan(file([0xff, 0xd8, 0xff], MAX_SCAN_BYTES), "a.jpg");

    expect(result.ok).toBe(true);
  });

  it("rejects one byte over the limit", () => {
    const big = file([0xff, 0xd8, 0xff], MAX_SCAN_BYTES + 1);

    expect(checkScan(big, "big.jpg")).toEqual({
      ok: false,
      message:
        'file "big.jpg" is 10485761 bytes, over the 10485760-byte (10 MiB) ' +
        "limit; compress the scans or lower their resolution",
    });
  });
});

describe("scanKey", () => {
  it("builds the key from ids", () => {
    expect(scanKey("org_1a2b", "app_3c4d", "pdf")).toBe(
      "offer-scans/org_1a2b/app_3c4d.pdf",
    );
  });

  it("rejects an id with a slash", () => {
    expect(() => scanKey("org_1/../x", "app_1", "zip")).toThrow(
      'organisationId "org_1/../x" is not a valid id for an R2 key',
    );
  });

  it("rejects an empty application id", () => {
    expect(() => scanKey("org_1", "", "zip")).toThrow(
      'applicationId "" is not a valid id for an R2 key',
    );
  });
});

describe("storeScan", () => {
  it("stores and reads back bytes", async () => {
    const key = scanKey("org_1", "app_1", "pdf");

    await storeScan(env.FILES, key, PDF, "application/pdf");
    const stored = await env.FILES.get(key);

    expect(stored).not.toBeNull();
    expect(stored?.httpMetadata?.contentType).toBe("application/pdf");
    expect(new Uint8Array(await stored!.arrayBuffer())).toEqual(PDF);
  });
});
