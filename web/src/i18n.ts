/** Every text of the portal, by language; Russian is the default. */
export const LANGUAGES = ["ru", "kk", "en"] as const;
export type Language = (typeof LANGUAGES)[number];

const TEXTS = {
  ru: {
    title: "Оператор фискальных данных",
    statusOk: "Сервис работает",
    statusDown: "Сервис недоступен",
    checkedAt: "проверено",
    connectTitle: "Подключение ККМ",
    connectText:
      "Кассы подключаются по протоколу 2.0.2 и 2.0.3 через TCP-шлюз или по WebSocket /kkm/ws/<системный номер>.",
  },
  kk: {
    title: "Фискалдық деректер операторы",
    statusOk: "Қызмет жұмыс істеп тұр",
    statusDown: "Қызмет қолжетімсіз",
    checkedAt: "тексерілді",
    connectTitle: "БКМ қосу",
    connectText:
      "Кассалар 2.0.2 және 2.0.3 хаттамасы бойынша TCP-шлюз немесе WebSocket /kkm/ws/<жүйелік нөмір> арқылы қосылады.",
  },
  en: {
    title: "Fiscal Data Operator",
    statusOk: "Service is up",
    statusDown: "Service is unavailable",
    checkedAt: "checked",
    connectTitle: "Connecting a KKM",
    connectText:
      "Registers connect with protocol 2.0.2 or 2.0.3 through the TCP gateway or the WebSocket /kkm/ws/<system id>.",
  },
} as const satisfies Record<Language, Record<string, string>>;

export type TextKey = keyof (typeof TEXTS)["ru"];

/** The text `key` in `language`. */
export function t(language: Language, key: TextKey): string {
  return TEXTS[language][key];
}
