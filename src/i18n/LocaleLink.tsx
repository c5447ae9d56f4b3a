"use client";

import Link from "next/link";
import type { ComponentProps } from "react";
import { useLocale } from "next-intl";
import { localizedPath } from "./locales";

/**
 * next/link that keeps the page's language: on a Spanish page "/request" becomes "/es/request".
 * Usable from server and client components (the root layout provides the locale).
 */
export function LocaleLink({ href, ...props }: Omit<ComponentProps<typeof Link>, "href"> & { href: string }) {
  return <Link href={localizedPath(useLocale(), href)} {...props} />;
}
