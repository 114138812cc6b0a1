import type { OkedCode } from "../../api/oked";
import { ErrorBox } from "../../components/ErrorBox";
import { FieldProblem } from "../../components/FieldProblem";
import { t } from "../../i18n";
import type { createOkedModel } from "../../models/oked-model";

/** Props of OkedRow. */
export interface OkedRowProps {
  item: OkedCode;
  model: ReturnType<typeof createOkedModel>;
}

/** One code of the classifier, with rename and remove. */
export function OkedRow({ item, model }: OkedRowProps) {
  const row = model.row(item.code);
  const fieldId = `oked-name-${item.code}`;

  return (
    <li class="card" data-testid={`oked-row-${item.code}`}>
      <p>
        <strong>{item.code}</strong> {item.name}
      </p>
      {row.editing ? (
        <>
          <div class={row.problem ? "field field-invalid" : "field"}>
            <label for={fieldId}>{t("okedFieldName")}</label>
            <input
              id={fieldId}
              value={row.name}
              aria-invalid={row.problem ? true : undefined}
              aria-describedby={row.problem ? `${fieldId}-problem` : undefined}
              onInput={(event) =>
                model.patch(item.code, {
                  name: event.currentTarget.value,
                  problem: null,
                })
              }
            />
            <FieldProblem
              id={`${fieldId}-problem`}
              problem={row.problem ?? undefined}
            />
          </div>
          <ErrorBox error={row.error} />
          <div class="actions">
            <button
              type="button"
              class="primary"
              disabled={row.busy}
              aria-busy={row.busy}
              onClick={() => void model.saveRename(item.code)}
            >
              {row.busy ? t("sending") : t("save")}
            </button>
            <button
              type="button"
              disabled={row.busy}
              onClick={() => model.cancelRename(item.code)}
            >
              {t("cancel")}
            </button>
          </div>
        </>
      ) : (
        <div class="actions">
          <button type="button" onClick={() => model.startRename(item)}>
            {t("okedRename")}
          </button>
          <button
            type="button"
            class="danger"
            onClick={() => model.askRemove(item)}
          >
            {t("okedRemove")}
          </button>
        </div>
      )}
    </li>
  );
}
