import { signal } from "@preact/signals";
import { ApiError } from "../../api/client";
import { ErrorBox } from "../../components/ErrorBox";
import { t } from "../../i18n";
import { useModel } from "../../lib/use-model";
import { requestMyEntriesLink } from "./lottery-api";

/** Asks for a single-use link to one's entries, by phone or e-mail. */
export function MyEntriesLinkForm() {
  const state = useModel(() => ({
    contact: signal(""),
    sending: signal(false),
    sent: signal(false),
    error: signal<ApiError | null>(null),
  }));

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    state.sending.value = true;
    state.error.value = null;
    try {
      await requestMyEntriesLink(state.contact.value.trim());
      state.sent.value = true;
    } catch (caught) {
      if (!(caught instanceof ApiError)) throw caught;
      state.error.value = caught;
    } finally {
      state.sending.value = false;
    }
  };

  return (
    <form class="lottery-form" onSubmit={onSubmit} noValidate>
      <p class="muted">{t("lotteryMyEntriesIntro")}</p>
      <div class="lottery-field">
        <label for="my-entries-contact">{t("lotteryFieldContact")}</label>
        <input
          id="my-entries-contact"
          type="text"
          autoComplete="email"
          value={state.contact.value}
          onInput={(event) =>
            (state.contact.value = (event.target as HTMLInputElement).value)
          }
        />
      </div>
      <ErrorBox error={state.error.value} />
      {state.sent.value && (
        <div class="success-box" role="status" data-testid="my-entries-sent">
          {t("lotteryMyEntriesSent")}
        </div>
      )}
      <button type="submit" disabled={state.sending.value}>
        {state.sending.value ? t("sending") : t("lotteryMyEntriesSend")}
      </button>
    </form>
  );
}
