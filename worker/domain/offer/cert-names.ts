import type { Certificate, RelativeDistinguishedNames } from "pkijs";

/** Subject `serialNumber` (2.5.4.5): `IIN` + 12 digits in Kazakh certs. */
const SERIAL_NUMBER_OID = "2.5.4.5";

/** Subject `OU` (2.5.4.11): `BIN` + 12 digits for a legal entity's staff. */
const ORGANIZATIONAL_UNIT_OID = "2.5.4.11";

/** Short names from RFC 4514 and common X.509 practice. */
const SHORT_NAMES: Record<string, string> = {
  "2.5.4.3": "CN",
  "2.5.4.4": "SURNAME",
  "2.5.4.5": "SERIALNUMBER",
  "2.5.4.6": "C",
  "2.5.4.7": "L",
  "2.5.4.8": "ST",
  "2.5.4.10": "O",
  "2.5.4.11": "OU",
  "2.5.4.42": "G",
  "1.2.840.113549.1.9.1": "E",
};

/** IIN and BIN found in a certificate subject; either may be missing. */
export interface SubjectIdentity {
  iin: string | null;
  bin: string | null;
}

/**
 * Formats a distinguished name as `CN=…, SERIALNUMBER=…, C=KZ` in the
 * certificate's order, escaping the characters RFC 4514 reserves.
 */
export function formatName(name: RelativeDistinguishedNames): string {
  return name.typesAndValues
    .map((attribute) => {
      const label = SHORT_NAMES[attribute.type] ?? attribute.type;
      return `${label}=${escapeValue(attributeText(attribute.value))}`;
    })
    .join(", ");
}

/** Reads the IIN (`serialNumber=IIN…`) and BIN (`OU=BIN…`) of a subject. */
export function readSubjectIdentity(certificate: Certificate): SubjectIdentity {
  let iin: string | null = null;
  let bin: string | null = null;

  for (const attribute of certificate.subject.typesAndValues) {
    const text = attributeText(attribute.value).trim();
    if (attribute.type === SERIAL_NUMBER_OID) {
      iin ??= /^IIN(\d{12})$/.exec(text)?.[1] ?? null;
    }
    if (attribute.type === ORGANIZATIONAL_UNIT_OID) {
      bin ??= /^BIN(\d{12})$/.exec(text)?.[1] ?? null;
    }
  }

  return { iin, bin };
}

/** Returns the certificate serial number as lowercase hex. */
export function formatSerialNumber(certificate: Certificate): string {
  let hex = "";
  for (const byte of certificate.serialNumber.valueBlock.valueHexView) {
    hex += byte.toString(16).padStart(2, "0");
  }
  return hex;
}

function attributeText(value: { valueBlock: { value?: unknown } }): string {
  const text = value.valueBlock.value;
  return typeof text === "string" ? text : "";
}

function escapeValue(text: string): string {
  return text
    .replace(/[\\,+"<>;=]/g, (character) => `\\${character}`)
    .replace(/^[ #]/, (character) => `\\${character}`)
    .replace(/ $/, "\\ ");
}
