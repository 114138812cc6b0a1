/** The registration wizard: account, requisites and offer steps. */
import { computed, signal } from "@preact/signals";
import { register } from "../api/auth";
import { ApiError } from "../api/client";
import {
  fetchOffer,
  saveRegistrationOrganisation,
  sendOfferSignature,
  uploadPaperOffer,
} from "../api/registration";
import { checkEmail, checkIinBin, checkPassword } from "../lib/account-rules";
import {
  checkOrganisation,
  organisationInput,
  organisationValues,
} from "../lib/organisation-rules";
import { signApplication } from "../lib/sign";
import { checkScanFile } from "../lib/scan-file";
import type { TextKey } from "../i18n";
import { createForm } from "./form-model";
import { createResource } from "./resource-model";
import { adoptSession, loadSession, me } from "./session-model";

/** A step the user went back to; null shows the server's step. */
export const stepOverride = signal<1 | 2 | 3 | 4 | null>(null);

/** The step the wizard shows. */
export const wizardStep = computed<1 | 2 | 3 | 4>(() => {
  if (stepOverride.value !== null) return stepOverride.value;
  const current = me.value;
  if (!current || current.user.kind !== "taxpayer") return 1;
  const registration = current.registration;
  if (!registration) return 4;

  // Sent scans wait for an operator; the wizard's part is done until then.
  if (registration.offer.status === "paper_pending") return 4;
  return registration.step;
});

/** Step 1: the account form; success signs the new user in. */
export function createAccountModel() {
  const form = createForm(
    { iinBin: "", email: "", password: "", repeatPassword: "" },
    (values) => ({
      iinBin: checkIinBin(values.iinBin),
      email: checkEmail(values.email),
      password: checkPassword(values.password),
      repeatPassword:
        values.repeatPassword === values.password ? null : "errorRepeat",
    }),
  );
  const submit = () =>
    form.submit(async (values) => {
      const signed = await register({
        iinBin: values.iinBin,
        email: values.email.trim(),
        password: values.password,
      });
      stepOverride.value = null;
      await adoptSession(signed.csrfToken);
    });
  return { form, submit };
}

/** Step 2: the requisites form, filled from a saved organisation. */
export function createRequisitesModel() {
  const form = createForm(
    organisationValues(me.value?.organisation ?? null),
    checkOrganisation,
  );
  const submit = () =>
    form.submit(async (values) => {
      await saveRegistrationOrganisation(organisationInput(values));
      stepOverride.value = null;
      await loadSession();
    });
  return { form, submit };
}

/** Step 3: the offer text, the scan upload and the EDS signature. */
export function createOfferModel() {
  const offer = createResource(fetchOffer);
  const file = signal<File | null>(null);
  const fileProblem = signal<TextKey | null>(null);
  const sending = signal<"paper" | "signature" | null>(null);
  const error = signal<ApiError | null>(null);
  const signError = signal<TextKey | null>(null);
  /** API messages naming the uploaded file or the signature. */
  const fileServerProblem = signal<string | null>(null);
  const signServerProblem = signal<string | null>(null);
  const maxBytes = computed(() => offer.data.value?.maxUploadBytes ?? 0);

  function chooseFile(next: File | null): void {
    file.value = next;
    fileProblem.value = next ? checkScanFile(next, maxBytes.value) : null;
    fileServerProblem.value = null;
    error.value = null;
  }

  async function run(kind: "paper" | "signature", action: () => Promise<void>) {
    error.value = null;
    signError.value = null;
    fileServerProblem.value = null;
    signServerProblem.value = null;
    sending.value = kind;
    try {
      await action();
      stepOverride.value = null;
      await loadSession();
    } catch (caught) {
      if (!(caught instanceof ApiError)) throw caught;
      if (caught.message.startsWith("file:")) {
        fileServerProblem.value = caught.message;
      } else if (caught.message.startsWith("cms:")) {
        signServerProblem.value = caught.message;
      } else {
        error.value = caught;
      }
    } finally {
      sending.value = null;
    }
  }

  async function upload(): Promise<void> {
    fileProblem.value = checkScanFile(file.value, maxBytes.value);
    if (fileProblem.value || !file.value) return;
    const chosen = file.value;
    await run("paper", async () => {
      await uploadPaperOffer(chosen);
    });
  }

  async function sign(): Promise<void> {
    const text = offer.data.value?.applicationText;
    if (!text) return;
    await run("signature", async () => {
      const signed = await signApplication(text);
      if (!signed.ok) {
        signError.value = signed.problem;
        return;
      }
      await sendOfferSignature(signed.cms);
    });
  }

  return {
    offer,
    file,
    fileProblem,
    sending,
    error,
    signError,
    fileServerProblem,
    signServerProblem,
    maxBytes,
    chooseFile,
    upload,
    sign,
  };
}
