/**
 * A form's state as signals: values, problems per field (a translation key
 * from a client-side check or the API's own sentence), a form-level API
 * error, and whether a submit is running.
 */
import { computed, signal } from "@preact/signals";
import { ApiError } from "../api/client";
import type { TextKey } from "../i18n";
import { splitServerErrors } from "../lib/server-errors";

/** A problem shown next to a field. */
export type Problem = { key: TextKey } | { server: string };

/** Client-side checks: the problem key per field, or null when fine. */
export type Checks<F extends string> = (
  values: Record<F, string>,
) => Partial<Record<F, TextKey | null>>;

/** The form model created by createForm. */
export type FormModel<F extends string> = ReturnType<typeof createForm<F>>;

/** Creates a form model with `initial` values and client-side `checks`. */
export function createForm<F extends string>(
  initial: Record<F, string>,
  checks: Checks<F> = () => ({}),
) {
  const fieldNames = Object.keys(initial) as F[];
  const values = signal<Record<F, string>>({ ...initial });
  const problems = signal<Partial<Record<F, Problem>>>({});
  const formError = signal<ApiError | null>(null);
  const submitting = signal(false);
  const succeeded = signal(false);
  const hasProblems = computed(() => Object.keys(problems.value).length > 0);

  function set(field: F, value: string): void {
    values.value = { ...values.value, [field]: value };
    if (problems.value[field]) {
      const rest = { ...problems.value };
      delete rest[field];
      problems.value = rest;
    }
  }

  function reset(next: Record<F, string>): void {
    values.value = { ...next };
    problems.value = {};
    formError.value = null;
  }

  function validate(): boolean {
    const found: Partial<Record<F, Problem>> = {};
    const results = checks(values.value);
    for (const field of fieldNames) {
      const key = results[field];
      if (key) found[field] = { key };
    }
    problems.value = found;
    return Object.keys(found).length === 0;
  }

  /** Runs the checks, then `action`; API errors land on their fields. */
  async function submit(
    action: (values: Record<F, string>) => Promise<void>,
  ): Promise<boolean> {
    formError.value = null;
    succeeded.value = false;
    if (!validate()) return false;

    submitting.value = true;
    try {
      await action(values.value);
      succeeded.value = true;
      return true;
    } catch (error) {
      showError(error);
      return false;
    } finally {
      submitting.value = false;
    }
  }

  function showError(error: unknown): void {
    if (!(error instanceof ApiError)) throw error;
    const split = splitServerErrors(error.message, fieldNames);
    const found: Partial<Record<F, Problem>> = {};
    for (const field of fieldNames) {
      const text = split.fields[field];
      if (text) found[field] = { server: text };
    }
    problems.value = found;
    const named = Object.keys(found).length > 0;
    formError.value =
      named && split.rest === null
        ? null
        : new ApiError(
            error.code,
            split.rest ?? error.message,
            error.status,
            error.requestId,
          );
  }

  return {
    values,
    problems,
    formError,
    submitting,
    succeeded,
    hasProblems,
    set,
    reset,
    validate,
    submit,
    showError,
  };
}
