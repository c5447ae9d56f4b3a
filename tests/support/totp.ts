import { generate } from "otplib";

/** The code an authenticator app would show now (or at `at`) for this secret. */
export function totpCode(secret: string, at = new Date()): Promise<string> {
  return generate({ secret, epoch: Math.floor(at.getTime() / 1000) });
}
