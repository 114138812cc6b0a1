import { describe, expect, it } from "vitest";
import {
  call,
  freshIin,
  PASSWORD,
  requisites,
  sessionOf,
  signUp,
} from "./client";

describe("POST /api/auth/register", () => {
  it("creates the account and signs in", async () => {
    const iinBin = freshIin();

    const result = await call("POST", "/api/auth/register", {
      body: { iinBin, email: "owner@example.kz", password: PASSWORD },
    });

    expect(result.status, JSON.stringify(result.body)).toBe(201);
    expect(result.body.user.iinBin).toBe(iinBin);
    expect(result.body.user.emailConfirmed).toBe(false);
    expect(result.body.csrfToken).toMatch(/^[0-9a-f]{48}$/);
    expect(result.setCookie).toContain("HttpOnly");
    expect(result.setCookie).toContain("SameSite=Lax");
    expect(result.setCookie).toContain("Secure");
    expect(result.setCookie).toContain("Path=/");
  });

  it.each(["960624350642", "250340011472", "250140000013"])(
    "accepts the real number %s",
    async (iinBin) => {
      const result = await call("POST", "/api/auth/register", {
        body: { iinBin, email: "real@example.kz", password: PASSWORD },
      });

      expect(result.status, JSON.stringify(result.body)).toBe(201);
    },
  );

  it("rejects a taken IIN/BIN", async () => {
    const account = await signUp();

    const result = await call("POST", "/api/auth/register", {
      body: {
        iinBin: account.iinBin,
        email: "x@example.kz",
        password: PASSWORD,
      },
    });

    expect(result.status).toBe(409);
    expect(result.body.error.code).toBe("CONFLICT");
    expect(result.body.error.message).toContain(
      `iinBin: an account with IIN/BIN ${account.iinBin} already exists`,
    );
  });

  const valid = { email: "a@example.kz", password: PASSWORD };
  describe.each([
    ["960624350643", {}, "iinBin: check digit does not match"],
    ["250340011470", {}, "iinBin: check digit does not match"],
    ["250140000010", {}, "iinBin: check digit does not match"],
    ["96062435064", {}, "iinBin: must be exactly 12 digits"],
    ["96062435064a", {}, "iinBin: must be exactly 12 digits"],
    ["", { email: "not-an-email" }, "email: must be a valid e-mail address"],
    ["", { password: "Se-1" }, "password: must be at least 6 characters"],
    [
      "",
      { password: "SECRET-1" },
      "password: must contain a Latin lowercase letter",
    ],
    [
      "",
      { password: "secret-1" },
      "password: must contain a Latin uppercase letter",
    ],
    ["", { password: "Secret-x" }, "password: must contain a digit"],
    [
      "",
      { password: "Secret12" },
      "password: must contain one of the symbols -!%*^&#()_+~=",
    ],
  ])("with iinBin %s and %o", (iinBin, overrides, message) => {
    it("returns 400 naming the rule", async () => {
      const body = { iinBin: iinBin || freshIin(), ...valid, ...overrides };

      const result = await call("POST", "/api/auth/register", { body });

      expect(result.status).toBe(400);
      expect(result.body.error.code).toBe("BAD_REQUEST");
      expect(result.body.error.message).toContain(message);
      expect(result.setCookie).toBeNull();
    });
  });
});

describe("registration wizard", () => {
  it("resumes at step 2 after login", async () => {
    const account = await signUp();
    const login = await call("POST", "/api/auth/login", {
      body: { iinBin: account.iinBin, password: PASSWORD },
    });

    const me = await call("GET", "/api/auth/me", { session: sessionOf(login) });

    expect(me.status).toBe(200);
    expect(me.body.registration).toEqual({
      step: 2,
      offer: { status: "none", method: null, rejectReason: null },
    });
    expect(me.body.organisation).toBeNull();
    expect(me.body.rights).toEqual([
      "billing",
      "manage_kkms",
      "manage_users",
      "view_reports",
    ]);
  });

  it("moves to step 3 after requisites", async () => {
    const account = await signUp();

    const saved = await call("PUT", "/api/registration/organisation", {
      session: account,
      body: requisites(),
    });
    const me = await call("GET", "/api/auth/me", { session: account });

    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.organisation).toMatchObject({
      ...requisites(),
      iinBin: account.iinBin,
      status: "active",
    });
    expect(me.body.registration.step).toBe(3);
    expect(me.body.organisation.okedCode).toBe("47190");
  });

  describe.each([
    [
      { registrationCertificateNumber: "" },
      "registrationCertificateNumber: must not be empty",
    ],
    [
      { registrationCertificateDate: "2020-02-30" },
      "registrationCertificateDate: must be a real date in the form YYYY-MM-DD",
    ],
    [
      { registrationCertificateDate: "15.03.2020" },
      "registrationCertificateDate: must be a real date in the form YYYY-MM-DD",
    ],
    [
      { registrationCertificateDate: "2999-01-01" },
      "registrationCertificateDate: must not be in the future",
    ],
    [{ fullName: " " }, "fullName: must not be empty"],
    [{ legalAddress: "" }, "legalAddress: must not be empty"],
    [
      { actualAddress: "x".repeat(301) },
      "actualAddress: must be at most 300 characters",
    ],
    [
      { taxationRegime: "flat" },
      "taxationRegime: must be one of general, simplified, farm, patent",
    ],
    [{ okedCode: "4719" }, "okedCode: must be 5 digits"],
    [{ okedCode: "99999" }, "okedCode: 99999 is not in the OKED classifier"],
    [{ directorFullName: "" }, "directorFullName: must not be empty"],
    [{ phone: "87172123456" }, "phone: must be in international format"],
    [{ phone: "+7 71" }, "phone: must be in international format"],
  ])("step 2 with %o", (overrides, message) => {
    it("returns 400 and stores nothing", async () => {
      const account = await signUp();

      const result = await call("PUT", "/api/registration/organisation", {
        session: account,
        body: requisites(overrides),
      });
      const me = await call("GET", "/api/auth/me", { session: account });

      expect(result.status).toBe(400);
      expect(result.body.error.code).toBe("BAD_REQUEST");
      expect(result.body.error.message).toContain(message);
      expect(me.body.registration.step).toBe(2);
    });
  });

  it("shows the offer with the organisation", async () => {
    const account = await signUp();
    await call("PUT", "/api/registration/organisation", {
      session: account,
      body: requisites(),
    });

    const offer = await call("GET", "/api/registration/offer", {
      session: account,
    });

    expect(offer.status).toBe(200);
    expect(offer.body.version).toBe("2026-01");
    expect(offer.body.maxUploadBytes).toBe(10 * 1024 * 1024);
    expect(offer.body.applicationText).toContain(`ИИН/БИН: ${account.iinBin}`);
    expect(offer.body.applicationText).toContain("ТОО «Рога и копыта»");
  });

  it("refuses the offer before step 2", async () => {
    const account = await signUp();

    const offer = await call("GET", "/api/registration/offer", {
      session: account,
    });

    expect(offer.status).toBe(409);
    expect(offer.body.error.message).toContain("finish registration step 2");
  });
});

describe("GET /api/classifiers", () => {
  it("lists regimes and seeded OKED codes", async () => {
    const result = await call("GET", "/api/classifiers");

    expect(result.status).toBe(200);
    expect(
      result.body.taxationRegimes.map((r: { code: string }) => r.code),
    ).toEqual(["general", "simplified", "farm", "patent"]);
    expect(result.body.oked.length).toBeGreaterThanOrEqual(40);
    expect(result.body.oked).toContainEqual({
      code: "62010",
      name: "Деятельность в области компьютерного программирования",
    });
  });
});

describe("GET /api/openapi.json", () => {
  it("documents the portal routes", async () => {
    const result = await call("GET", "/api/openapi.json");

    expect(result.status).toBe(200);
    expect(Object.keys(result.body.paths)).toEqual(
      expect.arrayContaining([
        "/api/auth/register",
        "/api/registration/organisation",
        "/api/users/{id}/groups",
        "/api/groups/{id}",
        "/api/operator/applications/{id}/reject",
        "/api/operator/organisations/{id}/block",
      ]),
    );
  });
});
