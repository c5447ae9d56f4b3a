import "server-only";
import { getLocale } from "next-intl/server";
import { redirect } from "next/navigation";
import { localizedPath } from "./locales";

/** An in-site address in the current request's language (for server code building links). */
export async function localeHref(href: string): Promise<string> {
  return localizedPath(await getLocale(), href);
}

/** redirect() that keeps the language (server components and actions). */
export async function localeRedirect(href: string): Promise<never> {
  redirect(localizedPath(await getLocale(), href));
}
