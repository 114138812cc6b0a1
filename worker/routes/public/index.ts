/** The public API under /api/public: no sign-in, for buyers. */
import { createRouter } from "../../openapi";
import { publicLottery } from "../lottery/public";
import { publicReceipts } from "./receipts";

export const publicApi = createRouter();

publicApi.route("/receipts", publicReceipts);
publicApi.route("/lottery", publicLottery);
