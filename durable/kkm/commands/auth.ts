/**
 * COMMAND_AUTH: checks a cashier's login and password against the KKM's
 * cashiers in D1. It opens no session and never changes the token.
 */
import { makeResponse } from "../../../proto/codec";
import {
  AuthResponse_ResultTypeEnum,
  CommandTypeEnum,
  ResultTypeEnum,
  UserRoleEnum,
} from "../../../proto/messages";
import { verifyPassword } from "../../../worker/domain/password";
import { logger } from "../../../worker/log";
import { findCashier } from "../catalog/cashiers";
import type { CommandOutcome, ExchangeContext } from "../context";
import { resultOnly } from "../reply";

/**
 * Hash of a random password that was discarded, with the same iterations as
 * real hashes. An unknown login is checked against it, so the reply takes as
 * long as for a known login with a wrong password.
 */
const UNKNOWN_LOGIN_HASH =
  "pbkdf2-sha256$100000$Fpx2O8/K+KQnbqYW6JnY6Q==$2Y/3jxklg8ECY/EIWQ7nUGI64bSR7MdMh3h3e8jpmac=";

const log = logger({ command: "COMMAND_AUTH" });

/** Checks the cashier's password; the reply carries the operator on success. */
export async function handleAuth(
  context: ExchangeContext,
): Promise<CommandOutcome> {
  const command = CommandTypeEnum.COMMAND_AUTH;
  const auth = context.request.auth;
  if (!auth || auth.login === "") {
    return {
      kind: "service",
      response: resultOnly(
        command,
        ResultTypeEnum.RESULT_TYPE_PROTOCOL_ERROR,
        "COMMAND_AUTH requires an auth block with a login and a password",
      ),
    };
  }

  const cashier = await findCashier(
    context.db,
    context.registration.kkmId,
    auth.login,
  );
  const passwordMatches = await verifyPassword(
    auth.password,
    cashier?.passwordHash ?? UNKNOWN_LOGIN_HASH,
  );

  // Unknown login and wrong password get the same reply, so the register
  // cannot tell which logins exist. Only the log says which it was.
  if (!cashier || !passwordMatches) {
    log.warn("cashier login rejected", {
      kkmId: context.registration.kkmId,
      login: auth.login,
      reason: cashier ? "wrong password" : "unknown login",
    });
    return {
      kind: "service",
      response: makeResponse({
        command,
        result: { resultCode: ResultTypeEnum.RESULT_TYPE_OK },
        auth: {
          result:
            AuthResponse_ResultTypeEnum.RESULT_TYPE_INVALID_LOGIN_PASSWORD,
        },
      }),
    };
  }

  return {
    kind: "service",
    response: makeResponse({
      command,
      result: { resultCode: ResultTypeEnum.RESULT_TYPE_OK },
      auth: {
        result: AuthResponse_ResultTypeEnum.RESULT_TYPE_OK,
        operatorCode: cashier.operatorCode,
        operatorName: cashier.name,
        roles: cashier.roles.filter(isUserRole),
      },
    }),
  };
}

/** Proto2 enums are closed, so a role outside UserRoleEnum is left out. */
function isUserRole(role: number): role is UserRoleEnum {
  return role in UserRoleEnum;
}
