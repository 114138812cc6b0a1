/**
 * Routes of a KKM's activity: its receipts, one full receipt, the live feed of
 * accepted documents, and its X and Z report history.
 */
import { createRoute, z } from "@hono/zod-openapi";
import { WATCH_HEADER } from "../../../durable/kkm-session";
import { requireRightOf, requireTaxpayerCaller } from "../../auth/guards";
import { kkmSession } from "../../domain/kkm-session-stub";
import { findOwnedKkm } from "../../domain/kkms/kkm-view";
import { kkmReceipt, listKkmTransactions } from "../../domain/kkms/receipts";
import { listReports, reportDetail } from "../../domain/kkms/reports";
import { AppError } from "../../errors";
import { requireRight } from "../../middleware/rights";
import { createRouter } from "../../openapi";
import { PublicReceiptSchema } from "../public/receipt-schemas";
import { database } from "../portal/context";
import { errorResponses } from "../portal/fields";
import { json, pageOf } from "../portal/views";
import {
  checkDateRange,
  dateField,
  kkmIdParam,
  pagingQuery,
  wholeQueryNumber,
} from "./fields";
import {
  ReportDetailSchema,
  ReportRowSchema,
  TransactionSchema,
} from "./schemas";

export const kkmActivity = createRouter();

const notFound = {
  404: json(
    z.object({ error: z.object({ code: z.string(), message: z.string() }) }),
    "No such KKM, receipt or report in the caller's organisation",
  ),
};

const TransactionsQuery = z
  .object({
    date: dateField.optional(),
    shiftNumber: wholeQueryNumber(0xffffffff).optional(),
    cursor: z
      .string()
      .regex(
        /^\d{1,15}$/,
        "not a cursor of this list; pass the nextCursor of the previous page unchanged",
      )
      .optional(),
    limit: pagingQuery.limit,
  })
  .superRefine((value, ctx) => {
    if (value.date !== undefined && value.shiftNumber !== undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["shiftNumber"],
        message: "give either date or shiftNumber, not both",
      });
    }
  });

const ReportsQuery = z
  .object({
    kind: z.enum(["Z", "X"], { error: "must be Z or X" }).optional(),
    from: dateField.optional(),
    to: dateField.optional(),
    shiftNumber: wholeQueryNumber(0xffffffff).optional(),
    ...pagingQuery,
  })
  .superRefine((value, ctx) => checkDateRange(value, ctx));

kkmActivity.openapi(
  createRoute({
    method: "get",
    path: "/{id}/transactions",
    tags: ["kkms"],
    summary: "A KKM's receipts of a local day or a shift, newest first",
    middleware: [requireRight("view_reports")] as const,
    request: { params: kkmIdParam, query: TransactionsQuery },
    responses: {
      200: json(pageOf(TransactionSchema), "A page of receipts"),
      ...errorResponses,
      ...notFound,
    },
  }),
  async (c) => {
    const { id } = c.req.valid("param");
    const query = c.req.valid("query");
    const caller = requireTaxpayerCaller(c.get("caller"));

    const page = await listKkmTransactions(
      database(c),
      c.env,
      caller.organisationId,
      id,
      query,
    );

    return c.json(page, 200);
  },
);

kkmActivity.openapi(
  createRoute({
    method: "get",
    path: "/{id}/receipts/{fiscalSign}",
    tags: ["kkms"],
    summary: "A KKM's receipt by its fiscal sign",
    middleware: [requireRight("view_reports")] as const,
    request: {
      params: kkmIdParam.extend({
        fiscalSign: z
          .string()
          .regex(/^\d{1,19}$/, "must be the fiscal sign's digits"),
      }),
    },
    responses: {
      200: json(PublicReceiptSchema, "The receipt"),
      ...errorResponses,
      ...notFound,
    },
  }),
  async (c) => {
    const { id, fiscalSign } = c.req.valid("param");
    const caller = requireTaxpayerCaller(c.get("caller"));

    const receipt = await kkmReceipt(
      database(c),
      c.env,
      caller.organisationId,
      id,
      fiscalSign,
    );

    return c.json(receipt, 200);
  },
);

kkmActivity.openapi(
  createRoute({
    method: "get",
    path: "/{id}/reports",
    tags: ["kkms"],
    summary: "A KKM's X and Z reports, newest first",
    middleware: [requireRight("view_reports")] as const,
    request: { params: kkmIdParam, query: ReportsQuery },
    responses: {
      200: json(pageOf(ReportRowSchema), "A page of reports"),
      ...errorResponses,
      ...notFound,
    },
  }),
  async (c) => {
    const { id } = c.req.valid("param");
    const { cursor, limit, ...filters } = c.req.valid("query");
    const caller = requireTaxpayerCaller(c.get("caller"));

    const page = await listReports(
      database(c),
      caller.organisationId,
      id,
      filters,
      { cursor, limit },
    );

    return c.json(page, 200);
  },
);

kkmActivity.openapi(
  createRoute({
    method: "get",
    path: "/{id}/reports/{reportId}",
    tags: ["kkms"],
    summary: "One report with its header, figures and discrepancies",
    middleware: [requireRight("view_reports")] as const,
    request: {
      params: kkmIdParam.extend({
        reportId: z
          .string()
          .regex(/^\d{1,15}$/, "must be a report id (digits)")
          .transform(Number),
      }),
    },
    responses: {
      200: json(ReportDetailSchema, "The report"),
      ...errorResponses,
      ...notFound,
    },
  }),
  async (c) => {
    const { id, reportId } = c.req.valid("param");
    const caller = requireTaxpayerCaller(c.get("caller"));

    const report = await reportDetail(
      database(c),
      caller.organisationId,
      id,
      reportId,
    );

    return c.json(report, 200);
  },
);

// A WebSocket upgrade has no JSON body, so this route is not in the
// OpenAPI document. The Worker checks the caller and the KKM's owner, and
// only then marks the upgrade as a watcher's for the object.
kkmActivity.get("/:id/live", async (c) => {
  const id = kkmIdParam.safeParse({ id: c.req.param("id") });
  const caller = requireRightOf(c.get("caller"), "view_reports");
  if (!id.success) {
    throw new AppError("BAD_REQUEST", "id: must be a KKM system id (digits)");
  }
  await findOwnedKkm(database(c), caller.organisationId, id.data.id);
  if (c.req.header("upgrade")?.toLowerCase() !== "websocket") {
    throw new AppError(
      "BAD_REQUEST",
      "upgrade: this route needs a WebSocket upgrade request; open it with new WebSocket(url)",
    );
  }

  return kkmSession(c.env, id.data.id).fetch(
    `https://kkm/watch?kkmId=${id.data.id}`,
    { headers: { upgrade: "websocket", [WATCH_HEADER]: "1" } },
  );
});
