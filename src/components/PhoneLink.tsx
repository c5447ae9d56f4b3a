import { useTranslations } from "next-intl";
import { organization } from "@/domain/organization";

type Line = "questions" | "payment";

const lines: Record<Line, { number: string; href: string }> = {
  questions: { number: organization.questionsPhone, href: organization.questionsPhoneHref },
  payment: { number: organization.paymentPhone, href: organization.paymentPhoneHref },
};

/** A tappable phone number (tel: link) for one of the organization's published lines. */
export function PhoneLink({ line = "questions" }: { line?: Line }) {
  const { number, href } = lines[line];
  return <a href={href}>{number}</a>;
}

/**
 * "Questions? Call … Monday–Friday, 8 AM–5 PM (Central Time)." in the page's language. Safe in
 * server and client components (a client one needs the "common" namespace from its provider).
 */
export function QuestionsLine({ className }: { className?: string }) {
  const t = useTranslations("common");
  return <p className={className}>{t.rich("questionsLine", { phone: () => <PhoneLink />, hours: t("questionsHours") })}</p>;
}
