import { SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { CommandTypeEnum, ResultTypeEnum } from "../../../proto/messages";
import { requireOfferAccepted } from "../../../worker/auth/guards";
import { readResponse, requestFrame } from "../frames";
import { postFrame, registeredKkm } from "../harness";
import {
  call,
  operatorSession,
  PASSWORD,
  registeredTaxpayer,
  type Session,
} from "./client";

const PDF = new TextEncoder().encode("%PDF-1.4\n% signed application\n");

/** Uploads `bytes` as the paper application scan. */
async function uploadScan(
  session: Session,
  bytes: Uint8Array,
  fileName = "application.pdf",
) {
  const form = new FormData();
  form.append("file", new File([bytes], fileName));
  const response = await SELF.fetch(
    "https://ofd.example/api/registration/offer/paper",
    {
      method: "POST",
      headers: {
        cookie: `ofd_session=${session.cookie}`,
        "x-csrf-token": session.csrf,
      },
      body: form,
    },
  );
  return { status: response.status, body: (await response.json()) as any };
}

describe("paper offer application", () => {
  it("waits for review after upload", async () => {
    const owner = await registeredTaxpayer();

    const uploaded = await uploadScan(owner, PDF);
    const me = await call("GET", "/api/auth/me", { session: owner });

    expect(uploaded.status, JSON.stringify(uploaded.body)).toBe(202);
    expect(uploaded.body.offer.status).toBe("paper_pending");
    expect(me.body.registration.step).toBe(3);
    expect(me.body.registration.offer).toEqual({
      status: "paper_pending",
      method: "paper",
      rejectReason: null,
    });
  });

  it("rejects a PNG scan", async () => {
    const owner = await registeredTaxpayer();
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3, 4]);

    const uploaded = await uploadScan(owner, png, "scan.pdf");
    const me = await call("GET", "/api/auth/me", { session: owner });

    expect(uploaded.status).toBe(400);
    expect(uploaded.body.error.message).toBe(
      'file: file "scan.pdf" is a PNG image, which is not accepted; upload a ZIP archive, a PDF or a JPEG image',
    );
    expect(me.body.registration.offer.status).toBe("none");
  });

  it("rejects an oversized scan", async () => {
    const owner = await registeredTaxpayer();
    const big = new Uint8Array(10 * 1024 * 1024 + 1);
    big.set(PDF);

    const uploaded = await uploadScan(owner, big);

    expect(uploaded.status).toBe(413);
    expect(uploaded.body.error.code).toBe("PAYLOAD_TOO_LARGE");
  });

  it("rejects a JSON body", async () => {
    const owner = await registeredTaxpayer();

    const result = await call("POST", "/api/registration/offer/paper", {
      session: owner,
      body: { file: "x" },
    });

    expect(result.status).toBe(415);
    expect(result.body.error.message).toContain("is not multipart/form-data");
  });

  it("is approved by an operator", async () => {
    const owner = await registeredTaxpayer();
    const operator = await operatorSession();
    await uploadScan(owner, PDF);
    const pending = await call(
      "GET",
      "/api/operator/applications?status=paper_pending&limit=100",
      {
        session: operator,
      },
    );
    const application = pending.body.items.find(
      (item: { organisationId: string }) =>
        item.organisationId === owner.organisationId,
    );

    const file = await SELF.fetch(
      `https://ofd.example/api/operator/applications/${application.id}/file`,
      { headers: { cookie: `ofd_session=${operator.cookie}` } },
    );
    const approved = await call(
      "POST",
      `/api/operator/applications/${application.id}/approve`,
      {
        session: operator,
      },
    );
    const again = await call(
      "POST",
      `/api/operator/applications/${application.id}/approve`,
      {
        session: operator,
      },
    );
    const me = await call("GET", "/api/auth/me", { session: owner });

    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toBe("application/pdf");
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(PDF);
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    expect(approved.body.application.status).toBe("accepted");
    expect(again.status).toBe(409);
    expect(me.body.registration.step).toBe(4);
  });

  it("shows the rejection reason", async () => {
    const owner = await registeredTaxpayer();
    const operator = await operatorSession();
    await uploadScan(owner, PDF);
    const pending = await call(
      "GET",
      "/api/operator/applications?status=paper_pending&limit=100",
      {
        session: operator,
      },
    );
    const id = pending.body.items.find(
      (item: { organisationId: string }) =>
        item.organisationId === owner.organisationId,
    ).id;

    const rejected = await call(
      "POST",
      `/api/operator/applications/${id}/reject`,
      {
        session: operator,
        body: { reason: "The director's signature is missing" },
      },
    );
    const me = await call("GET", "/api/auth/me", { session: owner });
    const reupload = await uploadScan(owner, PDF);

    expect(rejected.status).toBe(200);
    expect(me.body.registration.offer).toEqual({
      status: "rejected",
      method: "paper",
      rejectReason: "The director's signature is missing",
    });
    expect(reupload.status, "a rejected taxpayer may upload again").toBe(202);
  });

  it("rejects an empty reason", async () => {
    const operator = await operatorSession();

    const result = await call(
      "POST",
      "/api/operator/applications/app_x/reject",
      {
        session: operator,
        body: { reason: " " },
      },
    );

    expect(result.status).toBe(400);
    expect(result.body.error.message).toContain("reason: must not be empty");
  });
});

describe("signed offer application", () => {
  it.each([
    ["not base64!", "cms: must be the base64 of a CMS SignedData"],
    [btoa("garbage bytes"), "cms: not a CMS signature:"],
  ])("rejects the cms %s", async (cms, message) => {
    const owner = await registeredTaxpayer();

    const result = await call("POST", "/api/registration/offer/signature", {
      session: owner,
      body: { cms },
    });
    const me = await call("GET", "/api/auth/me", { session: owner });

    expect(result.status).toBe(400);
    expect(result.body.error.message).toContain(message);
    expect(me.body.registration.offer.status).toBe("none");
  });
});

describe("requireOfferAccepted", () => {
  it("refuses before the offer", () => {
    const caller = {
      kind: "taxpayer" as const,
      userId: "user_1",
      organisationId: "org_1",
      rights: new Set(["manage_kkms" as const]),
      offerAccepted: false,
    };

    expect(() => requireOfferAccepted(caller)).toThrow(
      "the offer contract is not accepted yet: upload the signed application scans or sign the contract",
    );
    expect(
      requireOfferAccepted({ ...caller, offerAccepted: true }).organisationId,
    ).toBe("org_1");
  });
});

describe("operator cabinet", () => {
  it("signs in with login and password", async () => {
    const operator = await operatorSession();

    const me = await call("GET", "/api/auth/me", { session: operator });

    expect(me.status).toBe(200);
    expect(me.body.user.kind).toBe("operator");
    expect(me.body.organisation).toBeNull();
    expect(me.body.registration).toBeNull();
  });

  it("rejects a taxpayer", async () => {
    const owner = await registeredTaxpayer();

    const result = await call("GET", "/api/operator/organisations", {
      session: owner,
    });

    expect(result.status).toBe(403);
    expect(result.body.error.message).toContain(
      "this route is for OFD operators",
    );
  });

  it("rejects an operator on taxpayer routes", async () => {
    const operator = await operatorSession();

    const result = await call("GET", "/api/users", { session: operator });

    expect(result.status).toBe(403);
    expect(result.body.error.message).toContain(
      "this route is for taxpayer accounts",
    );
  });

  it("finds organisations by IIN/BIN and name", async () => {
    const owner = await registeredTaxpayer();
    const operator = await operatorSession();

    const byIin = await call(
      "GET",
      `/api/operator/organisations?query=${owner.iinBin}`,
      {
        session: operator,
      },
    );
    const byName = await call(
      "GET",
      `/api/operator/organisations?query=${encodeURIComponent("Рога")}&limit=100`,
      { session: operator },
    );

    expect(byIin.body.items).toHaveLength(1);
    expect(byIin.body.items[0]).toMatchObject({
      id: owner.organisationId,
      fullName: "ТОО «Рога и копыта»",
      status: "active",
      kkmCount: 0,
    });
    expect(byName.body.items.map((o: { id: string }) => o.id)).toContain(
      owner.organisationId,
    );
  });

  it("blocks the KKMs with result 15", async () => {
    const kkm = await registeredKkm();
    const operator = await operatorSession();

    const blocked = await call(
      "POST",
      `/api/operator/organisations/${kkm.organisationId}/block`,
      {
        session: operator,
        body: { reason: "unpaid" },
      },
    );
    const { response } = readResponse(
      await postFrame(
        requestFrame(
          { kkmId: kkm.kkmId, token: kkm.token, reqNum: 1 },
          { command: CommandTypeEnum.COMMAND_INFO },
        ),
      ),
    );
    const audit = await call("GET", "/api/operator/audit", {
      session: operator,
    });

    expect(blocked.status, JSON.stringify(blocked.body)).toBe(200);
    expect(blocked.body.organisation.kkmIds).toEqual([kkm.kkmId]);
    expect(response.result?.resultCode).toBe(
      ResultTypeEnum.RESULT_TYPE_BLOCKED,
    );
    expect(ResultTypeEnum.RESULT_TYPE_BLOCKED).toBe(15);
    expect(response.result?.resultText).toContain("unpaid");
    expect(audit.body.items[0]).toMatchObject({
      action: "organisation.block",
      organisationId: kkm.organisationId,
      changes: {
        status: { from: "active", to: "blocked" },
        blockReason: { from: null, to: "unpaid" },
      },
    });
  });

  it("unblocks the KKMs", async () => {
    const kkm = await registeredKkm();
    const operator = await operatorSession();
    await call(
      "POST",
      `/api/operator/organisations/${kkm.organisationId}/block`,
      {
        session: operator,
        body: { reason: "unpaid" },
      },
    );

    const unblocked = await call(
      "POST",
      `/api/operator/organisations/${kkm.organisationId}/unblock`,
      {
        session: operator,
      },
    );
    const { response } = readResponse(
      await postFrame(
        requestFrame(
          { kkmId: kkm.kkmId, token: kkm.token, reqNum: 1 },
          { command: CommandTypeEnum.COMMAND_INFO },
        ),
      ),
    );

    expect(unblocked.body.organisation.status).toBe("active");
    expect(response.result?.resultCode).toBe(ResultTypeEnum.RESULT_TYPE_OK);
  });

  it("returns 404 for an unknown organisation", async () => {
    const operator = await operatorSession();

    const result = await call(
      "POST",
      "/api/operator/organisations/org_none/block",
      {
        session: operator,
        body: { reason: "x" },
      },
    );

    expect(result.status).toBe(404);
  });

  it("throttles operator logins", async () => {
    await operatorSession();
    for (let i = 0; i < 5; i++) {
      await call("POST", "/api/operator/login", {
        body: { login: "nobody", password: PASSWORD },
        headers: { "cf-connecting-ip": `10.9.0.${i}` },
      });
    }

    const locked = await call("POST", "/api/operator/login", {
      body: { login: "nobody", password: PASSWORD },
      headers: { "cf-connecting-ip": "10.9.1.1" },
    });

    expect(locked.status).toBe(429);
    expect(locked.body.error.message).toBe(
      "too many failed logins; try again in 15 minutes",
    );
  });
});
