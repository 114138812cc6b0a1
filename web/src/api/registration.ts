/** Calls of the registration wizard's steps 2 and 3. */
import { request } from "./client";
import type {
  Classifiers,
  Offer,
  Organisation,
  OrganisationInput,
} from "./types";

/** Loads the taxation regimes and OKED codes. */
export function fetchClassifiers(): Promise<Classifiers> {
  return request("GET", "/api/classifiers");
}

/** Saves the organisation requisites (step 2). */
export function saveRegistrationOrganisation(
  input: OrganisationInput,
): Promise<{ organisation: Organisation }> {
  return request("PUT", "/api/registration/organisation", input);
}

/** Loads the offer contract and the application text to sign. */
export function fetchOffer(): Promise<Offer> {
  return request("GET", "/api/registration/offer");
}

/** Uploads the archive or scan of the signed paper application. */
export function uploadPaperOffer(file: File): Promise<unknown> {
  const form = new FormData();
  form.set("file", file);
  return request("POST", "/api/registration/offer/paper", form);
}

/** Sends the CMS signature of the application text made with NCALayer. */
export function sendOfferSignature(cms: string): Promise<unknown> {
  return request("POST", "/api/registration/offer/signature", { cms });
}
