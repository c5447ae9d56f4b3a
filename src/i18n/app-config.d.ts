import type en from "../../messages/en.json";
import type { Locale } from "./locales";

// Typed keys: a key missing from the English catalogue, or a wrong namespace, fails `tsc`.
declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: typeof en;
  }
}
