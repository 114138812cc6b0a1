import { isFieldSet } from "@bufbuild/protobuf";
import { env } from "cloudflare:test";
import { drizzle } from "drizzle-orm/d1";
import { describe, expect, it } from "vitest";
import {
  AuthResponse_ResultTypeEnum as AuthResult,
  AuthResponseSchema,
  CommandTypeEnum,
  ResultTypeEnum,
  UserRoleEnum,
} from "../../proto/messages";
import { addCashier, type NewCashier } from "../../worker/domain/cashiers";
import { AppError } from "../../worker/errors";
import { readResponse, requestFrame } from "./frames";
import { postFrame, registeredKkm } from "./harness";

/** Registers a KKM with cashier "anna" (password "secret1", code 17). */
async function kkmWithCashier() {
  const kkm = await registeredKkm();
  await addCashier(drizzle(env.DB), {
    kkmId: kkm.kkmId,
    login: "anna",
    password: "secret1",
    operatorCode: 17,
    name: "Anna Ivanova",
    roles: [
      UserRoleEnum.USER_ROLE_PAYMASTER,
      UserRoleEnum.USER_ROLE_ADMINISTRATOR,
    ],
  });
  return kkm;
}

async function login(
  kkm: { kkmId: number; token: number },
  auth?: { login: string; password: string },
) {
  const frame = requestFrame(
    { kkmId: kkm.kkmId, token: kkm.token, reqNum: 3 },
    auth
      ? { command: CommandTypeEnum.COMMAND_AUTH, auth }
      : { command: CommandTypeEnum.COMMAND_AUTH },
  );
  return readResponse(await postFrame(frame));
}

describe("COMMAND_AUTH", () => {
  it("returns the operator for the right password", async () => {
    const kkm = await kkmWithCashier();

    const { header, response } = await login(kkm, {
      login: "anna",
      password: "secret1",
    });

    expect(header.token).toBe(kkm.token);
    expect(response.command).toBe(CommandTypeEnum.COMMAND_AUTH);
    expect(response.result?.resultCode).toBe(ResultTypeEnum.RESULT_TYPE_OK);
    expect(response.auth?.result).toBe(AuthResult.RESULT_TYPE_OK);
    expect(isFieldSet(response.auth!, AuthResponseSchema.field.result)).toBe(
      true,
    );
    expect(response.auth?.operatorCode).toBe(17);
    expect(response.auth?.operatorName).toBe("Anna Ivanova");
    expect(response.auth?.roles).toEqual([
      UserRoleEnum.USER_ROLE_PAYMASTER,
      UserRoleEnum.USER_ROLE_ADMINISTRATOR,
    ]);
  });

  it("rejects wrong password and unknown login alike", async () => {
    const kkm = await kkmWithCashier();
    const cases = [
      { name: "wrong password", login: "anna", password: "secret2" },
      { name: "unknown login", login: "boris", password: "secret1" },
      { name: "login of another case", login: "Anna", password: "secret1" },
    ];

    for (const { name, ...auth } of cases) {
      const { header, response } = await login(kkm, auth);

      expect(header.token, name).toBe(kkm.token);
      expect(response.result?.resultCode, name).toBe(
        ResultTypeEnum.RESULT_TYPE_OK,
      );
      expect(response.auth?.result, name).toBe(
        AuthResult.RESULT_TYPE_INVALID_LOGIN_PASSWORD,
      );
      expect(
        isFieldSet(response.auth!, AuthResponseSchema.field.operatorCode),
        name,
      ).toBe(false);
      expect(response.auth?.roles, name).toEqual([]);
    }
  });

  it("does not accept another KKM's cashier", async () => {
    await kkmWithCashier();
    const other = await registeredKkm();

    const { response } = await login(other, {
      login: "anna",
      password: "secret1",
    });

    expect(response.auth?.result).toBe(
      AuthResult.RESULT_TYPE_INVALID_LOGIN_PASSWORD,
    );
  });

  it("returns 3 without an auth block", async () => {
    const kkm = await kkmWithCashier();

    const { header, response } = await login(kkm);

    expect(header.token).toBe(kkm.token);
    expect(response.result?.resultCode).toBe(
      ResultTypeEnum.RESULT_TYPE_PROTOCOL_ERROR,
    );
    expect(response.result?.resultText).toBe(
      "COMMAND_AUTH requires an auth block with a login and a password",
    );
    expect(response.auth).toBeUndefined();
  });

  it("returns 3 for an empty login", async () => {
    const kkm = await kkmWithCashier();

    const { response } = await login(kkm, { login: "", password: "secret1" });

    expect(response.result?.resultCode).toBe(
      ResultTypeEnum.RESULT_TYPE_PROTOCOL_ERROR,
    );
  });

  it("answers a 2.0.2 register in 2.0.2", async () => {
    const kkm = await kkmWithCashier();
    const frame = requestFrame(
      { kkmId: kkm.kkmId, token: kkm.token, reqNum: 4, version: 202 },
      {
        command: CommandTypeEnum.COMMAND_AUTH,
        auth: { login: "anna", password: "secret1" },
      },
    );

    const { header, response } = readResponse(await postFrame(frame));

    expect(header.version).toBe(202);
    expect(response.auth?.result).toBe(AuthResult.RESULT_TYPE_OK);
    expect(response.auth?.operatorCode).toBe(17);
  });
});

describe("addCashier", () => {
  const valid: Omit<NewCashier, "kkmId"> = {
    login: "anna",
    password: "secret1",
    operatorCode: 17,
    name: "Anna Ivanova",
    roles: [1],
  };

  it("rejects invalid input", async () => {
    const kkm = await registeredKkm();
    const db = drizzle(env.DB);
    const cases = [
      { name: "empty login", login: "" },
      { name: "long login", login: "x".repeat(65) },
      { name: "short password", password: "12345" },
      { name: "zero code", operatorCode: 0 },
      { name: "code above int32", operatorCode: 2_147_483_648 },
      { name: "no roles", roles: [] },
      { name: "unknown role", roles: [4] },
    ];

    for (const { name, ...change } of cases) {
      const error = await addCashier(db, {
        ...valid,
        kkmId: kkm.kkmId,
        ...change,
      } as never).catch((caught: unknown) => caught);

      expect(error, name).toBeInstanceOf(AppError);
      expect((error as AppError).code, name).toBe("BAD_REQUEST");
    }
  });

  it("rejects a login taken on the same KKM", async () => {
    const kkm = await registeredKkm();
    const db = drizzle(env.DB);
    await addCashier(db, { ...valid, kkmId: kkm.kkmId });

    const error = await addCashier(db, { ...valid, kkmId: kkm.kkmId }).catch(
      (caught: unknown) => caught,
    );

    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("CONFLICT");
    expect((error as AppError).message).toBe(
      `login "anna" is already used on KKM ${kkm.kkmId}`,
    );
  });

  it("stores only a hash of the password", async () => {
    const kkm = await registeredKkm();
    await addCashier(drizzle(env.DB), { ...valid, kkmId: kkm.kkmId });

    const row = await env.DB.prepare(
      "SELECT password_hash, roles FROM cashiers WHERE kkm_id = ?",
    )
      .bind(kkm.kkmId)
      .first<{ password_hash: string; roles: string }>();

    expect(row?.password_hash).toMatch(/^pbkdf2-sha256\$100000\$/);
    expect(row?.password_hash).not.toContain("secret1");
    expect(row?.roles).toBe("[1]");
  });
});
