"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import QRCode from "qrcode";
import { z } from "zod";
import { STAFF_ABSOLUTE_TIMEOUT_MS } from "@/domain/staff-access";
import { clientAddress } from "@/server/client-address";
import { checkPassword, completeSignIn, PENDING_SIGN_IN_TTL_MS, signOut, startTotpEnrollment } from "@/server/staff/auth";
import { staffCookie, staffHome } from "@/server/staff/session";
import { cookieBasics } from "@/server/signed-value";

export type SignInState =
  | { step: "password"; error?: string; email?: string }
  | { step: "enroll"; qrSvg: string; secret: string; error?: string }
  | { step: "code"; error?: string };

const credentials = z.strictObject({ email: z.string().trim().max(254), password: z.string().max(200) });
const codeSchema = z.string().trim().regex(/^\d{6}$/, "Enter the 6-digit code from your authenticator app");

/** The client address the sign-in limits are keyed on: the one place this file asks for it. */
async function clientKey(): Promise<string> {
  return clientAddress(await headers());
}

function pendingCookie() {
  return cookieBasics("rc-staff-pending");
}

/** The two-step staff sign-in: password, then (after enrolling, the first time) a TOTP code. */
export async function signInStep(previous: SignInState, formData: FormData): Promise<SignInState> {
  const jar = await cookies();
  if (formData.get("step") === "password") {
    const parsed = credentials.safeParse({ email: formData.get("email") ?? "", password: formData.get("password") ?? "" });
    if (!parsed.success) return { step: "password", error: "Enter your e-mail and password." };
    const result = await checkPassword(parsed.data.email, parsed.data.password, await clientKey());
    // The form resets after an action: the e-mail comes back so only the password is typed again.
    if (!result.ok) return { step: "password", error: result.message, email: parsed.data.email };
    // The pending sign-in's random token (single use, recorded in the database).
    jar.set(pendingCookie().name, result.pendingToken, { ...pendingCookie().options, maxAge: PENDING_SIGN_IN_TTL_MS / 1000 });
    if (result.enrolled) return { step: "code" };
    const { secret, uri } = await startTotpEnrollment(result.userId);
    return { step: "enroll", secret, qrSvg: await QRCode.toString(uri, { type: "svg", margin: 1 }) };
  }

  const pendingToken = jar.get(pendingCookie().name)?.value;
  if (!pendingToken) return { step: "password", error: "That took too long. Sign in again." };
  const code = codeSchema.safeParse(formData.get("code") ?? "");
  const retry = (error: string): SignInState => (previous.step === "enroll" ? { ...previous, error } : { step: "code", error });
  if (!code.success) return retry(code.error.issues[0]!.message);
  const result = await completeSignIn(pendingToken, code.data, await clientKey());
  if (!result.ok) {
    if (!result.expired) return retry(result.message);
    jar.delete(pendingCookie().name);
    return { step: "password", error: result.message };
  }
  jar.delete(pendingCookie().name);
  jar.set(staffCookie().name, result.token, { ...staffCookie().options, maxAge: STAFF_ABSOLUTE_TIMEOUT_MS / 1000 });
  redirect(staffHome(result.identity));
}

export async function signOutAction(): Promise<void> {
  const jar = await cookies();
  await signOut(jar.get(staffCookie().name)?.value);
  jar.delete(staffCookie().name);
  redirect("/staff/sign-in");
}
