import { describe, expect, it } from "vitest";
import { ConfigError, helpText, parseCli } from "../../../gateway/config";
import { GATEWAY_DEFAULTS } from "../../../gateway/server";

describe("parseCli", () => {
  it("uses defaults without options", () => {
    expect(parseCli([], {})).toEqual({
      kind: "run",
      options: GATEWAY_DEFAULTS,
    });
  });

  it("reads every flag", () => {
    const command = parseCli(
      [
        "--host=0.0.0.0",
        "--port=9000",
        "--worker=https://ofd.example.kz/base",
        "--transport=http",
        "--read-timeout-ms=1500",
        "--upstream-timeout-ms=2500",
        "--idle-timeout-ms=30000",
        "--max-connections=50",
      ],
      {},
    );

    expect(command).toEqual({
      kind: "run",
      options: {
        host: "0.0.0.0",
        port: 9000,
        workerUrl: "https://ofd.example.kz/base",
        transport: "http",
        readTimeoutMs: 1500,
        upstreamTimeoutMs: 2500,
        idleTimeoutMs: 30000,
        maxConnections: 50,
      },
    });
  });

  it("reads environment variables", () => {
    const command = parseCli([], {
      GATEWAY_HOST: "::1",
      GATEWAY_PORT: "0",
      WORKER_URL: "http://127.0.0.1:9999",
      GATEWAY_TRANSPORT: "http",
      GATEWAY_READ_TIMEOUT_MS: "100",
      GATEWAY_UPSTREAM_TIMEOUT_MS: "200",
      GATEWAY_IDLE_TIMEOUT_MS: "300",
      GATEWAY_MAX_CONNECTIONS: "4",
    });

    expect(command).toEqual({
      kind: "run",
      options: {
        host: "::1",
        port: 0,
        workerUrl: "http://127.0.0.1:9999",
        transport: "http",
        readTimeoutMs: 100,
        upstreamTimeoutMs: 200,
        idleTimeoutMs: 300,
        maxConnections: 4,
      },
    });
  });

  it("prefers flags over variables", () => {
    const command = parseCli(["--port", "8000"], { GATEWAY_PORT: "9000" });

    expect(command.kind).toBe("run");
    if (command.kind !== "run") return;
    expect(command.options.port).toBe(8000);
  });

  it("treats empty variables as unset", () => {
    const command = parseCli([], { GATEWAY_PORT: "", WORKER_URL: "" });

    expect(command.kind).toBe("run");
    if (command.kind !== "run") return;
    expect(command.options.port).toBe(7777);
    expect(command.options.workerUrl).toBe("http://127.0.0.1:8787");
  });

  it("returns help for --help", () => {
    expect(parseCli(["--help", "--port=x"], {})).toEqual({ kind: "help" });
  });

  it.each([
    [["--port=abc"], /invalid --port \/ GATEWAY_PORT "abc"/],
    [["--port=65536"], /expected an integer from 0 to 65535/],
    [["--port=-1"], /invalid --port/],
    [["--read-timeout-ms=0"], /invalid --read-timeout-ms/],
    [["--upstream-timeout-ms=1.5"], /invalid --upstream-timeout-ms/],
    [["--transport=tcp"], /expected ws or http/],
    [["--worker=ftp://x"], /expected an http or https URL/],
    [["--worker=not a url"], /invalid Worker URL/],
    [["--worker=http://x/?a=1"], /expected no query or fragment/],
    [["--bogus"], /run with --help/],
    [["extra"], /run with --help/],
  ])("rejects %j", (argv, message) => {
    expect(() => parseCli(argv, {})).toThrow(ConfigError);
    expect(() => parseCli(argv, {})).toThrow(message);
  });
});

describe("helpText", () => {
  it("lists each option with its unit", () => {
    const text = helpText();

    for (const flag of [
      "--host <address>",
      "--port <port>",
      "--worker <url>",
      "--transport <ws|http>",
      "--read-timeout-ms <ms>",
      "--upstream-timeout-ms <ms>",
      "--idle-timeout-ms <ms>",
      "--max-connections <count>",
      "--help",
    ]) {
      expect(text, flag).toContain(flag);
    }
    expect(text).toContain("in milliseconds; default 5000");
    expect(text).toContain("in milliseconds; default 4000");
    expect(text).toContain("(env WORKER_URL)");
  });
});
