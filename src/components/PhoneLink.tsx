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

/** "Questions? Call … Monday–Friday, 8 AM–5 PM (Central Time)." Safe in server and client components. */
export function QuestionsLine({ className }: { className?: string }) {
  return (
    <p className={className}>
      Questions? Call Record Connect at <PhoneLink />, {organization.questionsHours}.
    </p>
  );
}
