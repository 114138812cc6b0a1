/** The operator's review of paper offer applications and their scans. */
import { createRoute, z } from "@hono/zod-openapi";
import { requireOperatorCaller } from "../../auth/guards";
import {
  applicationFile,
  listApplications,
  reviewApplication,
} from "../../domain/operator/applications";
import { AppError } from "../../errors";
import { requireOperator } from "../../middleware/rights";
import { createRouter } from "../../openapi";
import { database } from "./context";
import { errorResponses, IdParam, pageQuery, textField } from "./fields";
import { json, pageOf } from "./views";

export const operatorApplications = createRouter();

const ApplicationSchema = z
  .object({
    id: z.string(),
    organisationId: z.string(),
    organisationIinBin: z.string(),
    organisationName: z.string(),
    method: z.enum(["paper", "signature"]),
    status: z.enum(["paper_pending", "accepted", "rejected"]),
    fileName: z.string().nullable(),
    contentType: z.string().nullable(),
    signerSubject: z.string().nullable(),
    rejectReason: z.string().nullable(),
    reviewerId: z.string().nullable(),
    reviewedAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi("Application");

operatorApplications.openapi(
  createRoute({
    method: "get",
    path: "/applications",
    tags: ["operator"],
    summary: "Offer applications, oldest first, optionally by status",
    middleware: [requireOperator()] as const,
    request: {
      query: pageQuery.extend({
        status: z
          .enum(["paper_pending", "accepted", "rejected"], {
            error: "must be one of paper_pending, accepted, rejected",
          })
          .optional(),
      }),
    },
    responses: {
      200: json(pageOf(ApplicationSchema), "A page of applications"),
      ...errorResponses,
    },
  }),
  async (c) => {
    const { status, cursor, limit } = c.req.valid("query");

    const page = await listApplications(database(c), status, {
      cursor,
      limit,
    });

    return c.json(page, 200);
  },
);

operatorApplications.openapi(
  createRoute({
    method: "get",
    path: "/applications/{id}/file",
    tags: ["operator"],
    summary: "Download the scan of a paper application",
    middleware: [requireOperator()] as const,
    request: { params: IdParam },
    responses: {
      200: {
        description: "The scan, as uploaded",
        content: {
          "application/octet-stream": {
            schema: z.string().openapi({ format: "binary" }),
          },
        },
      },
      ...errorResponses,
    },
  }),
  async (c) => {
    const { id } = c.req.valid("param");

    const file = await applicationFile(database(c), id);
    const object = await c.env.FILES.get(file.key);
    if (!object) {
      throw new AppError(
        "NOT_FOUND",
        `the scan of application ${id} is missing from storage; ask the taxpayer to upload it again`,
      );
    }

    const asciiName = file.fileName.replace(/[^\x20-\x7e]|["\\]/g, "_");
    return new Response(object.body, {
      status: 200,
      headers: {
        "content-type": file.contentType,
        "content-disposition": `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
        "x-content-type-options": "nosniff",
      },
    });
  },
);

operatorApplications.openapi(
  createRoute({
    method: "post",
    path: "/applications/{id}/approve",
    tags: ["operator"],
    summary: "Approve a pending paper application",
    middleware: [requireOperator()] as const,
    request: { params: IdParam },
    responses: {
      200: json(z.object({ application: ApplicationSchema }), "Approved"),
      ...errorResponses,
    },
  }),
  async (c) => {
    const { id } = c.req.valid("param");
    const caller = requireOperatorCaller(c.get("caller"));

    const application = await reviewApplication(
      database(c),
      caller.userId,
      id,
      { approve: true },
      new Date(),
    );

    return c.json({ application }, 200);
  },
);

operatorApplications.openapi(
  createRoute({
    method: "post",
    path: "/applications/{id}/reject",
    tags: ["operator"],
    summary: "Reject a pending paper application with a reason",
    middleware: [requireOperator()] as const,
    request: {
      params: IdParam,
      body: {
        required: true,
        content: {
          "application/json": {
            schema: z.object({ reason: textField(500) }),
          },
        },
      },
    },
    responses: {
      200: json(z.object({ application: ApplicationSchema }), "Rejected"),
      ...errorResponses,
    },
  }),
  async (c) => {
    const { id } = c.req.valid("param");
    const { reason } = c.req.valid("json");
    const caller = requireOperatorCaller(c.get("caller"));

    const application = await reviewApplication(
      database(c),
      caller.userId,
      id,
      { approve: false, reason },
      new Date(),
    );

    return c.json({ application }, 200);
  },
);
