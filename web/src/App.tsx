import { useEffect, useState } from "preact/hooks";
import { fetchHealth, type Health } from "./api";
import { LANGUAGES, t, type Language } from "./i18n";

export function App() {
  const [language, setLanguage] = useState<Language>("ru");
  const [health, setHealth] = useState<Health | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    fetchHealth()
      .then(setHealth)
      .catch(() => setFailed(true));
  }, []);

  return (
    <main>
      <header>
        <h1>{t(language, "title")}</h1>
        <nav>
          {LANGUAGES.map((code) => (
            <button
              key={code}
              aria-pressed={code === language}
              onClick={() => setLanguage(code)}
            >
              {code.toUpperCase()}
            </button>
          ))}
        </nav>
      </header>
      <p role="status">
        {failed
          ? t(language, "statusDown")
          : health
            ? `${t(language, "statusOk")} (${t(language, "checkedAt")} ${health.time})`
            : "…"}
      </p>
      <section>
        <h2>{t(language, "connectTitle")}</h2>
        <p>{t(language, "connectText")}</p>
      </section>
    </main>
  );
}
