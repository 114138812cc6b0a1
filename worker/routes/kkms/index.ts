/**
 * The KKM management API of the taxpayer cabinet: `kkms` under /api/kkms,
 * `receipts` under /api/receipts and `exports` under /api/exports.
 */
import { createRouter } from "../../openapi";
import { kkmActivity } from "./activity";
import { kkmRegistry } from "./registry";

export { exports, receipts } from "./receipts";

export const kkms = createRouter();

kkms.route("/", kkmRegistry);
kkms.route("/", kkmActivity);
