import { t, type TextKey } from "../../i18n";

const STEP_LABELS: TextKey[] = [
  "wizardStepAccount",
  "wizardStepOrganisation",
  "wizardStepOffer",
  "wizardStepDone",
];

/** Props of WizardSteps. */
export interface WizardStepsProps {
  current: 1 | 2 | 3 | 4;
}

/** The numbered list of wizard steps with the current one marked. */
export function WizardSteps({ current }: WizardStepsProps) {
  return (
    <ol class="wizard-steps">
      {STEP_LABELS.map((label, index) => {
        const step = index + 1;
        const state = stepState(step, current);
        return (
          <li
            key={label}
            class={`wizard-step ${state}`}
            aria-current={step === current ? "step" : undefined}
          >
            <span class="wizard-step-number">{step}</span>
            <span class="wizard-step-label">{t(label)}</span>
          </li>
        );
      })}
    </ol>
  );
}

function stepState(step: number, current: number): "current" | "done" | "next" {
  if (step === current) return "current";
  if (step < current) return "done";
  return "next";
}
