import type { Problem } from "../models/form-model";
import { t } from "../i18n";

/** Props of FieldProblem. */
export interface FieldProblemProps {
  id: string;
  problem: Problem | undefined;
}

/** The problem of one field, shown under it and announced to readers. */
export function FieldProblem({ id, problem }: FieldProblemProps) {
  if (!problem) return null;
  const text = "key" in problem ? t(problem.key) : problem.server;
  return (
    <p class="field-problem" id={id} role="alert">
      {text}
    </p>
  );
}
