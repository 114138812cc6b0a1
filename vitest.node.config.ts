// Tests that run in Node: the TCP gateway, the simulator, and the end-to-end
// suite that starts wrangler dev and the gateway as real processes.
import { defineConfig } from "vitest/config";
import { jsonReport } from "./test/json-report.ts";

export default defineConfig({
  test: {
    ...jsonReport("vitest-node.json"),
    include: ["test/node/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // The end-to-end suite owns fixed local ports, so files run one by one.
    fileParallelism: false,
  },
});
