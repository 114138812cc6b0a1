import { SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";

describe("API basics", () => {
  it("reports health", async () => {
    const response = await SELF.fetch("https://ofd.example/api/health");
    const body = (await response.json()) as { status: string };
    expect(response.status, JSON.stringify(body)).toBe(200);
    expect(body.status).toBe("ok");
  });

  it("serves the OpenAPI document", async () => {
    const response = await SELF.fetch("https://ofd.example/api/openapi.json");
    const body = (await response.json()) as {
      openapi: string;
      paths: Record<string, unknown>;
    };
    expect(response.status).toBe(200);
    expect(body.openapi).toBe("3.1.0");
    expect(Object.keys(body.paths)).toContain("/api/health");
  });

  it("answers unknown API paths in the envelope", async () => {
    const response = await SELF.fetch("https://ofd.example/api/nothing", {
      headers: { "x-request-id": "req-1" },
    });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      error: {
        code: "NOT_FOUND",
        message: "no API route GET /api/nothing",
        requestId: "req-1",
      },
    });
  });

  it("rejects a frame with a bad APPCODE", async () => {
    const frame = new Uint8Array(18);
    frame.set([0xa3, 0x81, 0xcb, 0x00, 18, 0, 0, 0]);
    const response = await SELF.fetch("https://ofd.example/kkm/frame", {
      method: "POST",
      body: frame,
    });
    const body = (await response.json()) as {
      error: { code: string; message: string };
    };
    expect(response.status).toBe(400);
    expect(body.error.code).toBe("BAD_REQUEST");
    expect(body.error.message).toBe("invalid APPCODE 0x81a3, expected 0x81a2");
  });

  it("rejects a bad WebSocket KKM id", async () => {
    const response = await SELF.fetch("https://ofd.example/kkm/ws/abc", {
      headers: { upgrade: "websocket" },
    });
    expect(response.status).toBe(400);
  });
});
