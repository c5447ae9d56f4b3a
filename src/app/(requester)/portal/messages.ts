import "server-only";
import { getTranslations } from "next-intl/server";
import { SENT_MESSAGE, TOO_MANY, WRONG_CODE } from "@/server/portal/access";
import type { PortalFormState } from "./actions";

/**
 * The portal's use cases answer in English sentences (staff and logs read the same ones); the
 * requester reads them in the page's language. Each sentence a portal use case can return is
 * listed here with its catalogue key (portal.server.*), so the list is the contract: a sentence
 * missing from it shows in English, and tests/unit/portal-messages.test.ts checks the list
 * against the use cases' own text.
 */
export const PORTAL_SERVER_SENTENCES = {
  [SENT_MESSAGE]: "sent",
  [WRONG_CODE]: "wrongCode",
  [TOO_MANY]: "tooMany",
  "Check the highlighted fields.": "checkFields",
  "Enter the confirmation number, like RC-7K3M-Q9PX": "enterNumber",
  "Enter the patient's date of birth": "enterDateOfBirth",
  "Your sign-in took too long. Start again with the confirmation number and date of birth.": "tooLong",
  "This request is not waiting for anything from you.": "notWaiting",
  "This request could not be found.": "notFound",
  "Only the patient or their legal representative can revoke this authorization: in writing, or by calling us.": "revokeThirdParty",
  "This authorization can no longer be revoked here: the request is closed. Call us if you need help.": "revokeClosed",
  "Your request changed while you were revoking. Reload the page and try again.": "revokeChanged",
  "Write what you want us to know, or upload the document we asked for": "responseEmpty",
  "Keep your answer under 2,000 characters": "responseTooLong",
  "Type your full name to sign the revocation": "signRevocation",
  "Tick the box to confirm that nothing more is to be released": "tickConfirm",
  "Keep this under 1,000 characters": "statementTooLong",
} as const;

type SentenceKey = (typeof PORTAL_SERVER_SENTENCES)[keyof typeof PORTAL_SERVER_SENTENCES];

/** A portal form's answer in the page's language. */
export async function localized(state: PortalFormState): Promise<PortalFormState> {
  const t = await getTranslations("portal.server");
  const say = (sentence: string | undefined) => {
    if (sentence === undefined) return undefined;
    const key = (PORTAL_SERVER_SENTENCES as Record<string, SentenceKey>)[sentence];
    return key ? t(key) : sentence;
  };
  return {
    ...state,
    message: say(state.message),
    info: say(state.info),
    fieldErrors: state.fieldErrors ? Object.fromEntries(Object.entries(state.fieldErrors).map(([field, list]) => [field, list.map((m) => say(m) ?? m)])) : undefined,
  };
}
