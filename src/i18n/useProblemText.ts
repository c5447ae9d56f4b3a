import { useTranslations } from "next-intl";
import { problemText, type Translator } from "./problems";

/** A problem key as a sentence, in a client component (under a provider with the "errors" and "fieldLabels" namespaces). */
export function useProblemText(): (message: string) => string {
  const t = useTranslations() as unknown as Translator;
  return (message) => problemText(t, message);
}
