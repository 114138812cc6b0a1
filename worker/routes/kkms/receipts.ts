/** The organisation-wide receipt search and the CSV exports. */
import { createRoute, z } from "@hono/zod-openapi";
import { requireTaxpayerCaller } from "../../auth/guards";
import { receiptsCsv, reportsCsv } from "../../domain/kkms/exports";
import { searchReceipts } from "../../domain/kkms/receipts";
import { requireRight } from "../../middleware/rights";
import { createRouter } from "../../openapi";
import { database } from "../portal/context";
import { errorResponses } from "../portal/fields";
import { json, pageOf } from "../portal/views";
import {
  checkDateRange,
  dateField,
  pagingQuery,
  wholeQueryNumber,
} from "./fields";
import { ReceiptIndexItemSchema } from "./schemas";

export const receipts = createRouter();
export const exports = createRouter();

const notFound = {
  404: json(
    z.object({ error: z.object({ code: z.string(), message: z.string() }) }),
    "kkmId is not a KKM of the caller's organisation",
  ),
};

const period = {
  from: dateField.optional(),
  to: dateField.optional(),
  kkmId: wholeQueryNumber(0xffffffff).optional(),
};

const ReceiptSearchQuery = z
  .object({
    fiscalSign: z
      .string()
      .regex(/^\d{1,19}$/, "must be the fiscal sign's digits")
      .optional(),
    ...period,
    minTotal: wholeQueryNumber().optional(),
    maxTotal: wholeQueryNumber().optional(),
    ...pagingQuery,
  })
  .superRefine((value, ctx) => {
    checkDateRange(value, ctx);
    if (
      value.minTotal !== undefined &&
      value.maxTotal !== undefined &&
      value.maxTotal < value.minTotal
    ) {
      ctx.addIssue({
        code: "custom",
        path: ["maxTotal"],
        message: `must not be below minTotal (${value.minTotal})`,
      });
    }
  });

const ReportsExportQuery = z
  .object({
    kind: z.enum(["Z", "X"], { error: "must be Z or X" }).optional(),
    ...period,
  })
  .superRefine((value, ctx) => checkDateRange(value, ctx));

const csvResponse = {
  description: "CSV with a UTF-8 BOM and a header row; amounts in tenge",
  content: { "text/csv": { schema: z.string() } },
};

receipts.openapi(
  createRoute({
    method: "get",
    path: "/",
    tags: ["receipts"],
    summary:
      "Search the organisation's receipts, newest first (totals in tiyn)",
    middleware: [requireRight("view_reports")] as const,
    request: { query: ReceiptSearchQuery },
    responses: {
      200: json(pageOf(ReceiptIndexItemSchema), "A page of receipts"),
      ...errorResponses,
      ...notFound,
    },
  }),
  async (c) => {
    const { cursor, limit, ...filters } = c.req.valid("query");
    const caller = requireTaxpayerCaller(c.get("caller"));

    const page = await searchReceipts(
      database(c),
      caller.organisationId,
      filters,
      { cursor, limit },
    );

    return c.json(page, 200);
  },
);

exports.openapi(
  createRoute({
    method: "get",
    path: "/receipts.csv",
    tags: ["receipts"],
    summary: "Stream the organisation's receipts as CSV, oldest first",
    middleware: [requireRight("view_reports")] as const,
    request: { query: z.object(period).superRefine(checkDateRange) },
    responses: { 200: csvResponse, ...errorResponses, ...notFound },
  }),
  async (c) => {
    const filters = c.req.valid("query");
    const caller = requireTaxpayerCaller(c.get("caller"));

    const stream = await receiptsCsv(
      database(c),
      caller.organisationId,
      filters,
    );

    return csv(stream, "receipts.csv");
  },
);

exports.openapi(
  createRoute({
    method: "get",
    path: "/reports.csv",
    tags: ["receipts"],
    summary: "Stream the organisation's X or Z reports as CSV, oldest first",
    middleware: [requireRight("view_reports")] as const,
    request: { query: ReportsExportQuery },
    responses: { 200: csvResponse, ...errorResponses, ...notFound },
  }),
  async (c) => {
    const filters = c.req.valid("query");
    const caller = requireTaxpayerCaller(c.get("caller"));

    const stream = await reportsCsv(
      database(c),
      caller.organisationId,
      filters,
    );

    return csv(stream, "reports.csv");
  },
);

function csv(stream: ReadableStream<Uint8Array>, fileName: string): Response {
  return new Response(stream, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${fileName}"`,
      "cache-control": "no-store",
    },
  });
}
