/** State and actions of the receipt check page. */
import { signal } from "@preact/signals";
import { fetchReceipt, type CheckOutcome } from "./check-api";
import {
  checkFields,
  normaliseFields,
  toInputDateTime,
  toQueryString,
  type CheckFields,
  type FieldProblem,
} from "./check-params";

/** The page's model: form values, field problems and the check's outcome. */
export type CheckModel = ReturnType<typeof createCheckModel>;

/** Creates the model; `navigate` puts a submitted check into the URL. */
export function createCheckModel(navigate: (url: string) => void) {
  const form = signal<CheckFields>({ i: "", f: "", s: "", t: "" });
  const problems = signal<Partial<Record<keyof CheckFields, FieldProblem>>>({});
  const loading = signal(false);
  const outcome = signal<CheckOutcome | null>(null);
  // Not persisted: the query last sent, so a re-render does not resend it.
  let lastQuery: string | null = null;

  function setField(name: keyof CheckFields, value: string): void {
    form.value = { ...form.value, [name]: value };
  }

  /** Checks the form and, when it is valid, opens its check URL. */
  function submit(): void {
    const fields = normaliseFields(form.value);
    problems.value = checkFields(fields);
    if (Object.keys(problems.value).length > 0) return;
    navigate(`/check?${toQueryString(fields)}`);
  }

  /** Shows the receipt of a check URL's fields, once per distinct query. */
  async function load(fields: CheckFields): Promise<void> {
    const normalised = normaliseFields(fields);
    const query = toQueryString(normalised);
    if (query === lastQuery) return;
    lastQuery = query;

    form.value = { ...normalised, t: toInputDateTime(normalised.t) };
    problems.value = checkFields(normalised);
    if (Object.keys(problems.value).length > 0) {
      outcome.value = null;
      return;
    }

    loading.value = true;
    try {
      outcome.value = await fetchReceipt(normalised);
    } finally {
      loading.value = false;
    }
  }

  /** Back to an empty form. */
  function reset(): void {
    lastQuery = null;
    outcome.value = null;
    problems.value = {};
    form.value = { i: "", f: "", s: "", t: "" };
  }

  return { form, problems, loading, outcome, setField, submit, load, reset };
}
