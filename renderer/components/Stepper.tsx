/** One step of a {@link Stepper}. */
export interface StepperStep {
  id: string;
  label: string;
}

/** Props of {@link Stepper}. */
export interface StepperProps {
  steps: readonly StepperStep[];
  currentId: string;
}

/**
 * The row of numbered steps at the top of a flow: done, current (aria-current="step"), to do.
 *
 * Display only: moving between steps goes through each screen's Back and Continue, so a
 * step can never be reached without the data it needs.
 */
export function Stepper({ steps, currentId }: StepperProps) {
  const currentIndex = Math.max(
    0,
    steps.findIndex((step) => step.id === currentId),
  );
  return (
    <nav className="stepper" aria-label="Import progress">
      <ol>
        {steps.map((step, index) => {
          const state = index < currentIndex ? 'done' : index === currentIndex ? 'current' : 'todo';
          return (
            <li
              key={step.id}
              className={`stepper-step stepper-${state}`}
              aria-current={state === 'current' ? 'step' : undefined}
              data-testid={`step-${step.id}`}
            >
              <span className="stepper-index" aria-hidden="true">
                {state === 'done' ? '✓' : index + 1}
              </span>
              <span className="stepper-label">
                {step.label}
                {state === 'done' ? <span className="visually-hidden"> (done)</span> : null}
              </span>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
