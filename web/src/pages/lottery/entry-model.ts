/** State and actions of the entry form of a draw. */
import { signal } from "@preact/signals";
import { ApiError } from "../../api/client";
import {
  checkFields,
  hasAllFields,
  normaliseFields,
  toInputDateTime,
  type CheckFields,
  type FieldProblem,
} from "../check/check-params";
import { enterDraw, type Entry } from "./lottery-api";

/** Input mode of the receipt: its QR link or its four numbers. */
export type EntryMode = "qr" | "numbers";

/** A problem of the link or contact field, as a key of the dictionaries. */
export type EntryProblem = "lotteryErrorQr" | "lotteryErrorContact";

/** The form's model. */
export type EntryModel = ReturnType<typeof createEntryModel>;

/** Creates the model; a complete `prefill` selects the four numbers. */
export function createEntryModel(drawId: string, prefill: CheckFields) {
  const complete = hasAllFields(prefill);
  const mode = signal<EntryMode>(complete ? "numbers" : "qr");
  const qrUrl = signal("");
  const numbers = signal<CheckFields>(
    complete
      ? { ...normaliseFields(prefill), t: toInputDateTime(prefill.t) }
      : { i: "", f: "", s: "", t: "" },
  );
  const contact = signal("");
  const problems = signal<
    Partial<Record<keyof CheckFields, FieldProblem>> & {
      qrUrl?: EntryProblem;
      contact?: EntryProblem;
    }
  >({});
  const sending = signal(false);
  const error = signal<ApiError | null>(null);
  const entry = signal<Entry | null>(null);

  function setNumber(name: keyof CheckFields, value: string): void {
    numbers.value = { ...numbers.value, [name]: value };
  }

  /** Checks the fields in the browser, then sends the entry. */
  async function submit(): Promise<boolean> {
    const fields = normaliseFields(numbers.value);
    const found: typeof problems.value =
      mode.value === "numbers" ? checkFields(fields) : {};
    if (
      mode.value === "qr" &&
      !/^https?:\/\/\S+\?\S*i=/.test(qrUrl.value.trim())
    ) {
      found.qrUrl = "lotteryErrorQr";
    }
    if (
      !/^\s*(\+[\d\s()-]{8,}|[^\s@]+@[^\s@]+\.[^\s@]+)\s*$/.test(contact.value)
    ) {
      found.contact = "lotteryErrorContact";
    }
    problems.value = found;
    if (Object.keys(found).length > 0) return false;

    sending.value = true;
    error.value = null;
    try {
      const receipt =
        mode.value === "qr" ? { qrUrl: qrUrl.value.trim() } : fields;
      entry.value = await enterDraw(drawId, receipt, contact.value.trim());
      return true;
    } catch (caught) {
      if (!(caught instanceof ApiError)) throw caught;
      error.value = caught;
      return false;
    } finally {
      sending.value = false;
    }
  }

  return {
    mode,
    qrUrl,
    numbers,
    contact,
    problems,
    sending,
    error,
    entry,
    setNumber,
    submit,
  };
}
