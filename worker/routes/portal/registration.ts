/** Registration wizard steps 2 and 3: requisites and the offer contract. */
import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { AppEnv } from "../../app-env";
import { requireTaxpayerCaller } from "../../auth/guards";
import {
  offerDocument,
  submitPaperApplication,
  submitSignedApplication,
} from "../../domain/accounts/offer";
import { saveRegistrationRequisites } from "../../domain/accounts/organisation";
import { MAX_SCAN_BYTES } from "../../domain/offer/scans";
import { pemToDer } from "../../domain/offer/verify-cms";
import { AppError } from "../../errors";
import { requireRight } from "../../middleware/rights";
import { createRouter } from "../../openapi";
import { database } from "./context";
import { errorResponses } from "./fields";
import { RequisitesSchema } from "./requisites";
import { json, OfferStateSchema, OrganisationSchema } from "./views";

export const registration = createRouter();

/** Base64 of a CMS signature: 4 MiB of text is far above any real one. */
const MAX_CMS_BASE64 = 4 * 1024 * 1024;

/** Multipart overhead allowed above the file's own limit. */
const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

registration.openapi(
  createRoute({
    method: "put",
    path: "/organisation",
    tags: ["registration"],
    summary: "Store the organisation's requisites (wizard step 2)",
    middleware: [requireRight("manage_users")] as const,
    request: {
      body: {
        required: true,
        content: { "application/json": { schema: RequisitesSchema } },
      },
    },
    responses: {
      200: json(z.object({ organisation: OrganisationSchema }), "Stored"),
      ...errorResponses,
    },
  }),
  async (c) => {
    const input = c.req.valid("json");
    const caller = requireTaxpayerCaller(c.get("caller"));

    const organisation = await saveRegistrationRequisites(
      database(c),
      caller.userId,
      caller.organisationId,
      input,
      new Date(),
    );

    return c.json({ organisation }, 200);
  },
);

registration.openapi(
  createRoute({
    method: "get",
    path: "/offer",
    tags: ["registration"],
    summary: "The offer contract and the application text to sign",
    responses: {
      200: json(
        z.object({
          text: z.string(),
          version: z.string(),
          applicationText: z.string(),
          maxUploadBytes: z.number(),
        }),
        "The offer",
      ),
      ...errorResponses,
    },
  }),
  async (c) => {
    const caller = requireTaxpayerCaller(c.get("caller"));

    const offer = await offerDocument(database(c), caller.organisationId);

    return c.json(offer, 200);
  },
);

registration.openapi(
  createRoute({
    method: "post",
    path: "/offer/paper",
    tags: ["registration"],
    summary:
      "Upload the scan of the signed paper application: multipart field `file`, a ZIP, PDF or JPEG",
    middleware: [requireRight("manage_users")] as const,
    responses: {
      202: json(z.object({ offer: OfferStateSchema }), "Waiting for review"),
      ...errorResponses,
    },
  }),
  async (c) => {
    const caller = requireTaxpayerCaller(c.get("caller"));
    const file = await readScanUpload(c);

    const offer = await submitPaperApplication(
      database(c),
      c.env.FILES,
      caller.userId,
      caller.organisationId,
      file,
      new Date(),
    );

    c.get("log").info("offer scan uploaded", {
      organisationId: caller.organisationId,
      bytes: file.bytes.length,
    });
    return c.json({ offer }, 202);
  },
);

registration.openapi(
  createRoute({
    method: "post",
    path: "/offer/signature",
    tags: ["registration"],
    summary: "Accept the offer with an EDS-signed application (CMS, base64)",
    middleware: [requireRight("manage_users")] as const,
    request: {
      body: {
        required: true,
        content: {
          "application/json": {
            schema: z.object({
              cms: z
                .string()
                .trim()
                .min(1, "must not be empty")
                .max(
                  MAX_CMS_BASE64,
                  `must be at most ${MAX_CMS_BASE64} characters`,
                )
                .regex(
                  /^[A-Za-z0-9+/\s]+={0,2}$/,
                  "must be the base64 of a CMS SignedData",
                ),
            }),
          },
        },
      },
    },
    responses: {
      200: json(z.object({ offer: OfferStateSchema }), "Accepted"),
      ...errorResponses,
    },
  }),
  async (c) => {
    const { cms } = c.req.valid("json");
    const caller = requireTaxpayerCaller(c.get("caller"));
    const bytes = decodeBase64(cms);

    const offer = await submitSignedApplication(
      database(c),
      caller.userId,
      caller.organisationId,
      bytes,
      trustedRoots(c.env),
      new Date(),
    );

    c.get("log").info("offer signed", {
      organisationId: caller.organisationId,
    });
    return c.json({ offer }, 200);
  },
);

async function readScanUpload(
  c: Context<AppEnv>,
): Promise<{ bytes: Uint8Array; fileName: string }> {
  const type = c.req.header("content-type") ?? "";
  if (!type.startsWith("multipart/form-data")) {
    throw new AppError(
      "UNSUPPORTED_MEDIA_TYPE",
      `body: content type "${type}" is not multipart/form-data; send the scan as the form field file`,
    );
  }
  const length = Number(c.req.header("content-length") ?? "0");
  if (length > MAX_SCAN_BYTES + MULTIPART_OVERHEAD_BYTES) {
    throw tooLarge(length);
  }

  const form = await c.req.parseBody();
  const file = form.file;
  if (!(file instanceof File)) {
    throw new AppError(
      "BAD_REQUEST",
      "file: missing; send the scan as the multipart form field file",
    );
  }
  if (file.size > MAX_SCAN_BYTES) throw tooLarge(file.size);
  return {
    bytes: new Uint8Array(await file.arrayBuffer()),
    fileName: file.name || "scan",
  };
}

function tooLarge(bytes: number): AppError {
  return new AppError(
    "PAYLOAD_TOO_LARGE",
    `file: ${bytes} bytes is over the ${MAX_SCAN_BYTES}-byte (10 MiB) limit; compress the scans or lower their resolution`,
  );
}

function decodeBase64(text: string): Uint8Array {
  try {
    const binary = atob(text.replace(/\s+/g, ""));
    return Uint8Array.from(binary, (char) => char.charCodeAt(0));
  } catch {
    throw new AppError(
      "BAD_REQUEST",
      "cms: is not valid base64; send the base64 of a CMS SignedData",
    );
  }
}

/** DER roots from the TRUSTED_ROOTS_PEM variable; none when it is empty. */
function trustedRoots(env: Env): Uint8Array[] {
  const pem = (env as Env & { TRUSTED_ROOTS_PEM?: string }).TRUSTED_ROOTS_PEM;
  if (!pem || pem.trim() === "") return [];
  return pemToDer(pem);
}
