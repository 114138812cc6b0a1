import { useLocation } from "preact-iso";
import { ErrorBox } from "../../../components/ErrorBox";
import { Guard } from "../../../components/Guard";
import { SubmitButton } from "../../../components/SubmitButton";
import { TextField } from "../../../components/TextField";
import { t } from "../../../i18n";
import { useModel } from "../../../lib/use-model";
import { MAX_PRIZE_COUNT } from "./draw-rules";
import { createNewDrawModel } from "./new-draw-model";

/** Shows the "new draw" form at /operator/lottery/new and opens the new draw. */
export function NewDrawPage() {
  return (
    <Guard kind="operator">
      <NewDrawView />
    </Guard>
  );
}

function NewDrawView() {
  const { route } = useLocation();
  const model = useModel(() =>
    createNewDrawModel((draw) => route(`/operator/lottery/${draw.id}`)),
  );
  const form = model.form;

  const onSubmit = (event: Event) => {
    event.preventDefault();
    void model.create();
  };

  return (
    <section class="narrow">
      <p>
        <a href="/operator/lottery">{t("opLotteryBack")}</a>
      </p>
      <h1>{t("opLotteryNewTitle")}</h1>
      <form data-testid="new-draw-form" onSubmit={onSubmit} noValidate>
        <TextField form={form} name="title" label="opLotteryFieldTitle" />
        <TextField
          form={form}
          name="rulesText"
          label="opLotteryFieldRules"
          hint={t("opLotteryHintRules")}
          multiline
        />
        <TextField
          form={form}
          name="periodFrom"
          label="opLotteryFieldFrom"
          type="date"
        />
        <TextField
          form={form}
          name="periodTo"
          label="opLotteryFieldTo"
          type="date"
          hint={t("opLotteryHintPeriod")}
        />
        <TextField
          form={form}
          name="prizeCount"
          label="opLotteryFieldPrizes"
          inputMode="numeric"
          hint={t("opLotteryHintPrizes", { max: MAX_PRIZE_COUNT })}
        />
        <TextField
          form={form}
          name="minReceiptTotal"
          label="opLotteryFieldMinTotal"
          hint={t("opLotteryHintMinTotal")}
        />
        <ErrorBox error={form.formError.value} />
        <SubmitButton label="opLotteryCreate" busy={form.submitting.value} />
      </form>
    </section>
  );
}
