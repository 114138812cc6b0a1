// Tests that run inside workerd: the Worker, the KKM Durable Object and the
// pure protocol modules, against local D1 with the real migrations.
import path from "node:path";
import {
  cloudflareTest,
  readD1Migrations,
} from "@cloudflare/vitest-pool-workers";
import { defineConfig } from "vitest/config";
import { jsonReport } from "./test/json-report.ts";

export default defineConfig(async () => {
  const migrations = await readD1Migrations(
    path.join(import.meta.dirname, "migrations"),
  );
  return {
    plugins: [
      cloudflareTest({
        main: "./worker/index.ts",
        wrangler: { configPath: "./wrangler.toml" },
        miniflare: {
          bindings: {
            TEST_MIGRATIONS: migrations,
            DEMO_MODE: "on",
            RECEIPT_CHECK_URL: "https://ofd.example/check",
          },
        },
      }),
    ],
    test: {
      ...jsonReport("vitest-workers.json"),
      include: ["test/workers/**/*.test.ts"],
      setupFiles: ["./test/workers/apply-migrations.ts"],
    },
  };
});
