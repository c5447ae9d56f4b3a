import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { env } from "../env";

let transporter: Transporter | undefined;

/** The SMTP transport (SMTP_URL): the local development server, or the organization's relay. */
export function mailTransport(): Transporter {
  transporter ??= nodemailer.createTransport(env().SMTP_URL, {
    from: env().MAIL_FROM,
    connectionTimeout: 5_000,
    greetingTimeout: 5_000,
    socketTimeout: 15_000,
  });
  return transporter;
}
