import { t } from "../i18n";
import { RIGHTS, type Right } from "../lib/rights";

/** Props of RightChecks. */
export interface RightChecksProps {
  selected: readonly Right[];
  onChange: (rights: Right[]) => void;
  idPrefix: string;
}

/** One checkbox per right, with what the right allows. */
export function RightChecks(props: RightChecksProps) {
  const toggle = (right: Right) =>
    props.onChange(
      props.selected.includes(right)
        ? props.selected.filter((other) => other !== right)
        : RIGHTS.filter(
            (candidate) =>
              candidate === right || props.selected.includes(candidate),
          ),
    );

  return (
    <div class="checks">
      {RIGHTS.map((right) => {
        const id = `${props.idPrefix}-${right}`;
        return (
          <label key={right} for={id} class="check">
            <input
              id={id}
              type="checkbox"
              checked={props.selected.includes(right)}
              onChange={() => toggle(right)}
            />
            {t(`right_${right}`)}
          </label>
        );
      })}
    </div>
  );
}
