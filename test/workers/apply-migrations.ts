// Applies the D1 migrations before each test file. Setup files run outside
// the per-file storage isolation, and applied migrations are skipped, so
// every file sees the same schema as production.
import { applyD1Migrations } from "cloudflare:test";
import { env } from "cloudflare:workers";

await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
