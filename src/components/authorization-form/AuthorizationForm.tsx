import type { ComponentProps } from "react";
import { ClientMessages } from "@/i18n/ClientMessages";
import type { Namespace } from "@/i18n/messages";
import { AuthorizationWizard } from "./Wizard";

/** What the form's client components read: the current language's form messages only (issue 15 part 5). */
export const FORM_NAMESPACES = ["common", "form", "errors", "fieldLabels", "labels", "statements", "rightOfAccess"] as const satisfies readonly Namespace[];

/** The wizard with its messages: what pages render (a server component around the client wizard). */
export function AuthorizationForm(props: ComponentProps<typeof AuthorizationWizard>) {
  return (
    <ClientMessages namespaces={FORM_NAMESPACES}>
      <AuthorizationWizard {...props} />
    </ClientMessages>
  );
}
