import { useEffect } from "preact/hooks";
import { EmptyState } from "../../components/EmptyState";
import { ErrorBox } from "../../components/ErrorBox";
import { Guard } from "../../components/Guard";
import { Loading } from "../../components/Loading";
import { MoreButton } from "../../components/MoreButton";
import { SubmitButton } from "../../components/SubmitButton";
import { TextField } from "../../components/TextField";
import { ConfirmDialog } from "../../components/kkm/ConfirmDialog";
import { t } from "../../i18n";
import { useModel } from "../../lib/use-model";
import { createOkedModel } from "../../models/oked-model";
import { OkedRow } from "./OkedRow";

/** The OKED classifier that registration checks codes against. */
export function OkedPage() {
  return (
    <Guard kind="operator">
      <OkedView />
    </Guard>
  );
}

function OkedView() {
  const model = useModel(createOkedModel);
  const items = model.list.items.value;
  const added = model.added.value;
  const removing = model.removing.value;

  useEffect(() => {
    void model.list.reload();
  }, []);

  const onSearch = (event: Event) => {
    event.preventDefault();
    void model.list.reload();
  };
  const onAdd = (event: Event) => {
    event.preventDefault();
    void model.add();
  };

  return (
    <section>
      <h1>{t("okedTitle")}</h1>
      <p class="muted">{t("okedIntro")}</p>

      <form class="card" data-testid="oked-add" onSubmit={onAdd} noValidate>
        <h2>{t("okedAddTitle")}</h2>
        <TextField
          form={model.addForm}
          name="code"
          label="okedFieldCode"
          inputMode="numeric"
        />
        <TextField form={model.addForm} name="name" label="okedFieldName" />
        <ErrorBox error={model.addForm.formError.value} />
        {added && (
          <p class="success" role="status">
            {t("okedAdded", { code: added.code })}
          </p>
        )}
        <SubmitButton label="okedAdd" busy={model.addForm.submitting.value} />
      </form>

      <form class="search" role="search" onSubmit={onSearch}>
        <label for="oked-search">{t("okedSearchLabel")}</label>
        <input
          id="oked-search"
          type="search"
          value={model.search.value}
          onInput={(event) => (model.search.value = event.currentTarget.value)}
        />
        <button type="submit">{t("search")}</button>
      </form>
      <ErrorBox error={model.list.error.value} />
      {model.list.loaded.value && items.length === 0 && (
        <EmptyState text="okedEmpty" />
      )}
      <ul class="cards">
        {items.map((item) => (
          <OkedRow key={item.code} item={item} model={model} />
        ))}
      </ul>
      {model.list.loading.value && <Loading />}
      <MoreButton list={model.list} />

      {removing && (
        <ConfirmDialog
          heading="okedRemoveTitle"
          confirmLabel="okedRemoveConfirm"
          busy={model.removeBusy.value}
          danger
          onConfirm={() => void model.confirmRemove()}
          onCancel={model.cancelRemove}
        >
          <p>
            {t("okedRemoveText", { code: removing.code, name: removing.name })}
          </p>
          <ErrorBox error={model.removeError.value} />
        </ConfirmDialog>
      )}
    </section>
  );
}
