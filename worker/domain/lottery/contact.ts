/**
 * A buyer's contact for the lottery: a Kazakhstan mobile phone or an
 * e-mail address, normalised so the same person always matches, and masked
 * for the public entry list.
 */

/** A normalised contact. */
export interface Contact {
  kind: "phone" | "email";
  /** `+7` and 10 digits, or the lower-case address. */
  value: string;
}

/** Longest e-mail address accepted, in characters (RFC 5321 path limit). */
const MAX_EMAIL_LENGTH = 254;

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Parses what a buyer typed; returns a message naming the fix when invalid. */
export function parseContact(text: string): Contact | { problem: string } {
  const trimmed = text.trim();

  if (trimmed.startsWith("+")) {
    const digits = trimmed.replace(/[\s()-]/g, "");
    if (!/^\+7\d{10}$/.test(digits)) {
      return {
        problem: `phone ${trimmed} is invalid; expected +7 and 10 digits, e.g. +7 701 234 5678`,
      };
    }
    return { kind: "phone", value: digits };
  }

  if (trimmed.includes("@")) {
    const email = trimmed.toLowerCase();
    if (email.length > MAX_EMAIL_LENGTH || !EMAIL_PATTERN.test(email)) {
      return {
        problem: `e-mail ${trimmed} is invalid; expected an address like name@example.kz`,
      };
    }
    return { kind: "email", value: email };
  }

  return {
    problem:
      "must be a phone starting with +7 (e.g. +7 701 234 5678) or an e-mail address",
  };
}

/**
 * Masks a contact for the public list: a phone keeps its last 4 digits, an
 * e-mail address its first letter and its domain.
 */
export function maskContact(contact: Contact): string {
  if (contact.kind === "phone") {
    return `+7•••••••${contact.value.slice(-4)}`;
  }
  const [local = "", domain = ""] = contact.value.split("@");
  return `${local.slice(0, 1)}•••@${domain}`;
}

/** Masks a number to its last 4 digits, e.g. `••••4538`. */
export function maskDigits(value: string): string {
  return `••••${value.slice(-4)}`;
}
