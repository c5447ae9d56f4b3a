/**
 * The message catalogues: one per language (messages/en.json, messages/es.json), namespaced by
 * area. The server holds both; a browser gets only its language's namespaces its page needs
 * (ClientMessages).
 */
import en from "../../messages/en.json";
import es from "../../messages/es.json";
import type { Locale } from "./locales";

export type Messages = typeof en;
export type Namespace = keyof Messages;

const CATALOGUES: Record<Locale, Messages> = { en, es };

export function messagesFor(locale: Locale): Messages {
  return CATALOGUES[locale];
}

/** Only the named top-level namespaces of one language's catalogue (what a client bundle receives). */
export function pickMessages(locale: Locale, namespaces: readonly Namespace[]): Partial<Messages> {
  const all = messagesFor(locale);
  return Object.fromEntries(namespaces.map((namespace) => [namespace, all[namespace]])) as Partial<Messages>;
}
