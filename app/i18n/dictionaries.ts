import type { Locale } from "./config";
import type { Dictionary } from "./translate";
import en from "./locales/en.json";
import hy from "./locales/hy.json";
import ka from "./locales/ka.json";
import ru from "./locales/ru.json";

export const DICTIONARIES: Record<Locale, Dictionary> = { hy, ru, ka, en };
