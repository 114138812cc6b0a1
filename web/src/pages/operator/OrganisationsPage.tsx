import { useEffect } from "preact/hooks";
import { EmptyState } from "../../components/EmptyState";
import { ErrorBox } from "../../components/ErrorBox";
import { Guard } from "../../components/Guard";
import { Loading } from "../../components/Loading";
import { MoreButton } from "../../components/MoreButton";
import { t } from "../../i18n";
import { useModel } from "../../lib/use-model";
import { createOperatorOrganisationsModel } from "../../models/operator-model";
import { OrganisationCard } from "./OrganisationCard";

/** Search of taxpayer organisations, with block and unblock. */
export function OrganisationsPage() {
  return (
    <Guard kind="operator">
      <OrganisationsView />
    </Guard>
  );
}

function OrganisationsView() {
  const model = useModel(createOperatorOrganisationsModel);
  const items = model.list.items.value;

  useEffect(() => {
    void model.list.reload();
  }, []);

  const onSearch = (event: Event) => {
    event.preventDefault();
    void model.list.reload();
  };

  return (
    <section>
      <h1>{t("operatorOrganisationsTitle")}</h1>
      <form class="search" role="search" onSubmit={onSearch}>
        <label for="organisation-search">{t("searchLabel")}</label>
        <input
          id="organisation-search"
          type="search"
          value={model.search.value}
          onInput={(event) => (model.search.value = event.currentTarget.value)}
        />
        <button type="submit">{t("search")}</button>
      </form>
      <ErrorBox error={model.list.error.value} />
      {model.list.loaded.value && items.length === 0 && (
        <EmptyState text="organisationsEmpty" />
      )}
      <ul class="cards">
        {items.map((organisation) => (
          <OrganisationCard
            key={organisation.id}
            organisation={organisation}
            model={model}
          />
        ))}
      </ul>
      {model.list.loading.value && <Loading />}
      <MoreButton list={model.list} />
    </section>
  );
}
