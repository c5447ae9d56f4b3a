"use client";

import { useActionState, useEffect, useRef } from "react";
import { signInStep, type SignInState } from "./actions";

/** Password first; then the authenticator code (after setting one up, the first time). */
export function SignInForm() {
  const [state, action, pending] = useActionState<SignInState, FormData>(signInStep, { step: "password" });
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), [state.step]);

  return (
    <form action={action} className="stack" aria-busy={pending}>
      <input type="hidden" name="step" value={state.step} />
      {state.error ? (
        <div className="notice notice-error" role="alert">
          <p>{state.error}</p>
        </div>
      ) : null}

      {state.step === "password" ? (
        <>
          <h2 ref={headingRef} tabIndex={-1}>
            Sign in
          </h2>
          <div className="field">
            <label htmlFor="email">E-mail</label>
            <input id="email" name="email" type="email" autoComplete="username" required defaultValue={state.step === "password" ? state.email : undefined} />
          </div>
          <div className="field">
            <label htmlFor="password">Password</label>
            <input id="password" name="password" type="password" autoComplete="current-password" required />
          </div>
        </>
      ) : null}

      {state.step === "enroll" ? (
        <>
          <h2 ref={headingRef} tabIndex={-1}>
            Set up your second factor
          </h2>
          <p>
            Staff sign in with a password and a code from an authenticator app. Scan this code with the app, or type the key into it, then
            enter the 6-digit code it shows.
          </p>
          {/* The SVG comes from the qrcode library, built from our own otpauth URI: no user input in it. */}
          <div className="qr-code" role="img" aria-label="QR code for your authenticator app" dangerouslySetInnerHTML={{ __html: state.qrSvg }} />
          <p>
            Key to type instead: <code className="totp-secret">{state.secret}</code>
          </p>
        </>
      ) : null}

      {state.step === "code" ? (
        <h2 ref={headingRef} tabIndex={-1}>
          Enter your code
        </h2>
      ) : null}

      {state.step !== "password" ? (
        <div className="field">
          <label htmlFor="code">6-digit code from your authenticator app</label>
          <input id="code" name="code" inputMode="numeric" autoComplete="one-time-code" pattern="[0-9]{6}" maxLength={6} required className="input-short" />
        </div>
      ) : null}

      <div className="actions">
        <button type="submit" className="button" disabled={pending}>
          {state.step === "password" ? "Continue" : "Sign in"}
        </button>
      </div>
    </form>
  );
}
