import { spawn } from "node:child_process";
import { once } from "node:events";
import { createInterface } from "node:readline";
import { describe, expect, it } from "vitest";
import { closedPort, exchange } from "./tcp-client";
import { writeFrame, readHeader } from "../../../proto/frame";

const TSX = "node_modules/.bin/tsx";

describe("gateway CLI", () => {
  it("prints help and exits 0", async () => {
    const child = spawn(TSX, ["gateway/main.ts", "--help"]);
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));

    const [code] = await once(child, "exit");

    expect(code).toBe(0);
    expect(output).toContain("--upstream-timeout-ms <ms>");
  });

  it("exits 64 on an invalid option", async () => {
    const child = spawn(TSX, ["gateway/main.ts", "--transport=tcp"]);
    let errors = "";
    child.stderr.on("data", (chunk) => (errors += chunk));

    const [code] = await once(child, "exit");

    expect(code).toBe(64);
    expect(errors).toContain('invalid --transport / GATEWAY_TRANSPORT "tcp"');
  });

  it("serves and stops on SIGTERM", async () => {
    const workerPort = await closedPort();
    const child = spawn(TSX, [
      "gateway/main.ts",
      "--port=0",
      `--worker=http://127.0.0.1:${workerPort}`,
      "--transport=http",
    ]);
    const lines = createInterface({ input: child.stdout });
    const entries: Record<string, unknown>[] = [];
    const listening = new Promise<number>((resolve) => {
      lines.on("line", (line) => {
        const entry = JSON.parse(line) as Record<string, unknown>;
        entries.push(entry);
        if (entry.msg === "gateway listening") resolve(entry.port as number);
      });
    });

    const port = await listening;
    const request = writeFrame(
      { version: 203, kkmId: 1, token: 2, reqNum: 3 },
      new Uint8Array([0x08, 0x01]),
    );
    const result = await exchange(port, [request], { expectFrames: 1 });
    child.kill("SIGTERM");
    const [code] = await once(child, "exit");

    expect(readHeader(result.frames[0]!).reqNum).toBe(3);
    expect(code).toBe(0);
    const messages = entries.map((entry) => entry.msg);
    expect(messages).toContain("worker request failed");
    expect(messages).toContain("stopping");
    expect(messages).toContain("gateway stopped");
    // The token is a secret and must not appear in any log field.
    expect(JSON.stringify(entries)).not.toContain('"token"');
  });
});
