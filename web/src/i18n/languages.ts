/** Languages of the portal; Russian is the default. */
export const LANGUAGES = ["ru", "kk", "en"] as const;

export type Language = (typeof LANGUAGES)[number];

export const DEFAULT_LANGUAGE: Language = "ru";
