import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { AppEnv } from "../../../worker/app-env";
import { RIGHTS } from "../../../worker/auth/rights";
import { handleError } from "../../../worker/errors";
import { logger } from "../../../worker/log";
import { requireRight } from "../../../worker/middleware/rights";
import { sessionMiddleware } from "../../../worker/middleware/session";
import { createRouter } from "../../../worker/openapi";
import {
  call,
  freshIin,
  lastMailTo,
  PASSWORD,
  registeredTaxpayer,
  sessionOf,
  tokenOf,
  type Session,
} from "./client";

/** Invites a user into `groupIds` and accepts the invitation. */
async function invitedUser(owner: Session, groupIds: string[]) {
  const email = `${crypto.randomUUID().slice(0, 8)}@example.kz`;
  const invited = await call("POST", "/api/users/invitations", {
    session: owner,
    body: { email, groupIds },
  });
  expect(invited.status, JSON.stringify(invited.body)).toBe(201);
  const token = tokenOf((await lastMailTo(email)).link);
  const accepted = await call("POST", "/api/invitations/accept", {
    body: {
      token,
      iinBin: freshIin(),
      fullName: "Пётр Петров",
      password: PASSWORD,
    },
  });
  expect(accepted.status, JSON.stringify(accepted.body)).toBe(201);
  return {
    ...sessionOf(accepted),
    userId: accepted.body.user.id as string,
    token,
  };
}

async function createGroup(owner: Session, name: string, rights: string[]) {
  const result = await call("POST", "/api/groups", {
    session: owner,
    body: { name, rights },
  });
  expect(result.status, JSON.stringify(result.body)).toBe(201);
  return result.body.group.id as string;
}

async function adminGroupId(owner: Session): Promise<string> {
  const list = await call("GET", "/api/groups", { session: owner });
  return list.body.items.find(
    (g: { name: string }) => g.name === "Administrators",
  ).id;
}

describe("requireRight", () => {
  // A probe route per right, behind the real session middleware.
  const probe = createRouter();
  probe.use("*", async (c, next) => {
    c.set("log", logger());
    c.set("requestId", "test");
    c.set("caller", null);
    await next();
  });
  probe.use("*", sessionMiddleware());
  for (const right of RIGHTS) {
    probe.get(`/probe/${right}`, requireRight(right), (c) =>
      c.json({ ok: true }),
    );
  }
  probe.onError(handleError);

  it.each(RIGHTS)("returns 403 without %s", async (right) => {
    const owner = await registeredTaxpayer();
    const others = RIGHTS.filter((r) => r !== right);
    const groupId = await createGroup(owner, `Without ${right}`, others);
    const user = await invitedUser(owner, [groupId]);

    const denied = await probe.request(
      `/probe/${right}`,
      { headers: { cookie: `ofd_session=${user.cookie}` } },
      env as AppEnv["Bindings"],
    );
    const allowed = await probe.request(
      `/probe/${right}`,
      { headers: { cookie: `ofd_session=${owner.cookie}` } },
      env as AppEnv["Bindings"],
    );
    const body = (await denied.json()) as {
      error: { code: string; message: string };
    };

    expect(denied.status).toBe(403);
    expect(body.error.code).toBe("FORBIDDEN");
    expect(body.error.message).toContain(`the right ${right} is required`);
    expect(allowed.status).toBe(200);
  });

  it.each([
    ["GET", "/api/users"],
    ["GET", "/api/groups"],
    ["POST", "/api/groups"],
    ["POST", "/api/users/invitations"],
    ["PUT", "/api/organisation"],
    ["GET", "/api/organisation/audit"],
  ])("%s %s needs manage_users", async (method, path) => {
    const owner = await registeredTaxpayer();
    const groupId = await createGroup(owner, `Readers ${path}${method}`, [
      "view_reports",
    ]);
    const reader = await invitedUser(owner, [groupId]);

    const result = await call(method, path, {
      session: reader,
      body: method === "GET" ? undefined : {},
    });

    expect(result.status).toBe(403);
    expect(result.body.error.message).toContain(
      "the right manage_users is required",
    );
  });
});

describe("users and invitations", () => {
  it("adds an invited user to the groups", async () => {
    const owner = await registeredTaxpayer();
    const groupId = await createGroup(owner, "Cashiers", ["view_reports"]);

    const user = await invitedUser(owner, [groupId]);
    const me = await call("GET", "/api/auth/me", { session: user });
    const list = await call("GET", "/api/users", { session: owner });

    expect(me.body.rights).toEqual(["view_reports"]);
    expect(me.body.user.emailConfirmed).toBe(true);
    expect(me.body.registration.step).toBe(3);
    expect(list.body.items).toHaveLength(2);
    expect(list.body.items[1].groups).toEqual([
      { id: groupId, name: "Cashiers" },
    ]);
  });

  it("accepts an invitation only once", async () => {
    const owner = await registeredTaxpayer();
    const user = await invitedUser(owner, []);

    const again = await call("POST", "/api/invitations/accept", {
      body: {
        token: user.token,
        iinBin: freshIin(),
        fullName: "X",
        password: PASSWORD,
      },
    });

    expect(again.status).toBe(400);
    expect(again.body.error.message).toContain("already used");
  });

  it("rejects an unknown group id", async () => {
    const owner = await registeredTaxpayer();

    const result = await call("POST", "/api/users/invitations", {
      session: owner,
      body: { email: "new@example.kz", groupIds: ["grp_nope"] },
    });

    expect(result.status).toBe(400);
    expect(result.body.error.message).toBe(
      "groupIds: grp_nope is not a group of your organisation; list groups with GET /api/groups",
    );
  });

  it.each([
    [{ email: "bad", groupIds: [] }, "email: must be a valid e-mail address"],
    [{ email: "a@b.kz" }, "groupIds:"],
  ])("rejects the invitation %o", async (body, message) => {
    const owner = await registeredTaxpayer();

    const result = await call("POST", "/api/users/invitations", {
      session: owner,
      body,
    });

    expect(result.status).toBe(400);
    expect(result.body.error.message).toContain(message);
  });

  it("changes groups and deletes a user", async () => {
    const owner = await registeredTaxpayer();
    const groupId = await createGroup(owner, "Accountants", ["billing"]);
    const user = await invitedUser(owner, []);

    const moved = await call("PUT", `/api/users/${user.userId}/groups`, {
      session: owner,
      body: { groupIds: [groupId] },
    });
    const deleted = await call("DELETE", `/api/users/${user.userId}`, {
      session: owner,
    });
    const gone = await call("GET", "/api/auth/me", { session: user });

    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body.user.rights).toEqual(["billing"]);
    expect(deleted.status).toBe(200);
    expect(gone.status).toBe(401);
  });

  it("hides users of other organisations", async () => {
    const owner = await registeredTaxpayer();
    const stranger = await registeredTaxpayer();

    const result = await call("DELETE", `/api/users/${stranger.userId}`, {
      session: owner,
    });

    expect(result.status).toBe(404);
    expect(result.body.error.code).toBe("NOT_FOUND");
  });
});

describe("last administrator", () => {
  it("keeps the owner's groups", async () => {
    const owner = await registeredTaxpayer();

    const result = await call("PUT", `/api/users/${owner.userId}/groups`, {
      session: owner,
      body: { groupIds: [] },
    });

    expect(result.status).toBe(409);
    expect(result.body.error.code).toBe("CONFLICT");
    expect(result.body.error.message).toContain(
      "without a user holding manage_users",
    );
  });

  it("keeps the owner", async () => {
    const owner = await registeredTaxpayer();

    const result = await call("DELETE", `/api/users/${owner.userId}`, {
      session: owner,
    });

    expect(result.status).toBe(409);
  });

  it("keeps the Administrators rights", async () => {
    const owner = await registeredTaxpayer();
    const adminId = await adminGroupId(owner);

    const demoted = await call("PUT", `/api/groups/${adminId}`, {
      session: owner,
      body: { name: "Administrators", rights: ["view_reports"] },
    });
    const deleted = await call("DELETE", `/api/groups/${adminId}`, {
      session: owner,
    });

    expect(demoted.status).toBe(409);
    expect(deleted.status).toBe(409);
  });

  it("allows demotion with another admin", async () => {
    const owner = await registeredTaxpayer();
    const adminId = await adminGroupId(owner);
    await invitedUser(owner, [adminId]);

    const result = await call("PUT", `/api/users/${owner.userId}/groups`, {
      session: owner,
      body: { groupIds: [] },
    });

    expect(result.status, JSON.stringify(result.body)).toBe(200);
    expect(result.body.user.rights).toEqual([]);
  });
});

describe("groups", () => {
  it("creates, renames and deletes a group", async () => {
    const owner = await registeredTaxpayer();
    const id = await createGroup(owner, "Managers", ["manage_kkms"]);

    const renamed = await call("PUT", `/api/groups/${id}`, {
      session: owner,
      body: { name: "KKM managers", rights: ["manage_kkms", "view_reports"] },
    });
    const deleted = await call("DELETE", `/api/groups/${id}`, {
      session: owner,
    });
    const list = await call("GET", "/api/groups", { session: owner });

    expect(renamed.body.group).toEqual({
      id,
      name: "KKM managers",
      rights: ["manage_kkms", "view_reports"],
      memberCount: 0,
    });
    expect(deleted.status).toBe(200);
    expect(list.body.items.map((g: { name: string }) => g.name)).toEqual([
      "Administrators",
    ]);
  });

  it.each([
    [{ name: "", rights: [] }, "name: must not be empty"],
    [
      { name: "X", rights: ["fly"] },
      "rights.0: must be one of view_reports, manage_kkms, manage_users, billing",
    ],
  ])("rejects the group %o", async (body, message) => {
    const owner = await registeredTaxpayer();

    const result = await call("POST", "/api/groups", { session: owner, body });

    expect(result.status).toBe(400);
    expect(result.body.error.message).toContain(message);
  });

  it("rejects a duplicate name", async () => {
    const owner = await registeredTaxpayer();

    const result = await call("POST", "/api/groups", {
      session: owner,
      body: { name: "Administrators", rights: [] },
    });

    expect(result.status).toBe(409);
  });
});

describe("organisation and own data", () => {
  it("audits an organisation change", async () => {
    const owner = await registeredTaxpayer();

    const changed = await call("PUT", "/api/organisation", {
      session: owner,
      body: { phone: "+7 727 2500000" },
    });
    const audit = await call("GET", "/api/organisation/audit", {
      session: owner,
    });

    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(changed.body.organisation.phone).toBe("+7 727 2500000");
    expect(audit.body.items[0].action).toBe("organisation.update");
    expect(audit.body.items[0].actor.id).toBe(owner.userId);
    expect(audit.body.items[0].changes).toEqual({
      phone: { from: "+7 7172 123456", to: "+7 727 2500000" },
    });
  });

  it("rejects an empty organisation change", async () => {
    const owner = await registeredTaxpayer();

    const result = await call("PUT", "/api/organisation", {
      session: owner,
      body: {},
    });

    expect(result.status).toBe(400);
    expect(result.body.error.message).toContain(
      "must contain at least one requisite",
    );
  });

  it("changes own name and password", async () => {
    const owner = await registeredTaxpayer();

    const changed = await call("PUT", "/api/me", {
      session: owner,
      body: {
        fullName: "Айгуль Сериковна",
        currentPassword: PASSWORD,
        newPassword: "Fresh-22",
      },
    });
    const login = await call("POST", "/api/auth/login", {
      body: { iinBin: owner.iinBin, password: "Fresh-22" },
    });
    const audit = await call("GET", "/api/organisation/audit", {
      session: owner,
    });

    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(changed.body.user.fullName).toBe("Айгуль Сериковна");
    expect(login.status).toBe(200);
    expect(audit.body.items[0].changes).toEqual({
      fullName: { from: "", to: "Айгуль Сериковна" },
      password: { from: "***", to: "***" },
    });
  });

  it.each([
    [
      { newPassword: "Fresh-22" },
      "currentPassword: is required to set newPassword",
    ],
    [
      { currentPassword: "Wrong-1", newPassword: "Fresh-22" },
      "currentPassword: does not match",
    ],
    [{ phone: "12345" }, "phone: must be in international format"],
  ])("rejects own data %o", async (body, message) => {
    const owner = await registeredTaxpayer();

    const result = await call("PUT", "/api/me", { session: owner, body });

    expect(result.status).toBe(400);
    expect(result.body.error.message).toContain(message);
  });

  it("isolates organisations in the audit", async () => {
    const owner = await registeredTaxpayer();
    const other = await registeredTaxpayer();

    const audit = await call("GET", "/api/organisation/audit", {
      session: owner,
    });

    const targets = audit.body.items.map(
      (item: { organisationId: string }) => item.organisationId,
    );
    expect(targets).not.toContain(other.organisationId);
    expect(targets).toContain(owner.organisationId);
  });
});
