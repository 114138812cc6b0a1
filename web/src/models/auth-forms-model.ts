/** Models of the sign-in, password reset and invitation forms. */
import * as auth from "../api/auth";
import { acceptInvitation } from "../api/users";
import {
  checkIinBin,
  checkPassword,
  checkRequired,
} from "../lib/account-rules";
import { createForm } from "./form-model";
import { adoptSession, signIn, signInOperator } from "./session-model";

/** Creates the taxpayer sign-in form. */
export function createLoginModel() {
  const form = createForm({ iinBin: "", password: "" }, (values) => ({
    iinBin: checkIinBin(values.iinBin),
    password: checkRequired(values.password),
  }));
  const submit = () =>
    form.submit((values) => signIn(values.iinBin, values.password));
  return { form, submit };
}

/** Creates the operator sign-in form. */
export function createOperatorLoginModel() {
  const form = createForm({ login: "", password: "" }, (values) => ({
    login: checkRequired(values.login),
    password: checkRequired(values.password),
  }));
  const submit = () =>
    form.submit((values) => signInOperator(values.login, values.password));
  return { form, submit };
}

/** Creates the form that requests a password reset link. */
export function createResetRequestModel() {
  const form = createForm({ iinBin: "" }, (values) => ({
    iinBin: checkIinBin(values.iinBin),
  }));
  const submit = () =>
    form.submit((values) => auth.requestPasswordReset(values.iinBin));
  return { form, submit };
}

/** Creates the form that sets a new password from a reset link. */
export function createResetConfirmModel(token: string) {
  const form = createForm({ password: "", repeatPassword: "" }, (values) => ({
    password: checkPassword(values.password),
    repeatPassword:
      values.repeatPassword === values.password ? null : "errorRepeat",
  }));
  const submit = () =>
    form.submit((values) => auth.confirmPasswordReset(token, values.password));
  return { form, submit };
}

/** Creates the form an invited person fills to create their user. */
export function createAcceptInvitationModel(token: string) {
  const form = createForm(
    { iinBin: "", fullName: "", password: "" },
    (values) => ({
      iinBin: checkIinBin(values.iinBin),
      fullName: checkRequired(values.fullName),
      password: checkPassword(values.password),
    }),
  );
  const submit = () =>
    form.submit(async (values) => {
      const signed = await acceptInvitation({ token, ...values });
      await adoptSession(signed.csrfToken);
    });
  return { form, submit };
}
