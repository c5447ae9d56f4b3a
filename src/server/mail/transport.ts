import "server-only";
import { Socket } from "node:net";
import nodemailer, { type Transporter } from "nodemailer";
import { env } from "../env";

let transporter: Transporter | undefined;

/**
 * The SMTP transport (SMTP_URL): the local development server, or the organization's relay.
 *
 * Pooled (decision 0021): up to SMTP_MAX_CONNECTIONS connections are kept open and reused for up
 * to SMTP_MAX_MESSAGES messages each, so a message costs its SMTP exchange, not a new connection
 * and greeting. Each plain-TCP connection (smtp://, upgraded by STARTTLS when the server offers
 * it) is opened with Nagle's algorithm off: SMTP is a run of small commands each waiting for its
 * reply, and Nagle holding a small write back until the previous one is acknowledged — against
 * the server's delayed acknowledgement — cost about 40 ms a message. smtps:// connections are
 * left to nodemailer's own TLS connect.
 */
export function mailTransport(): Transporter {
  if (!transporter) {
    const settings = env();
    const secure = new URL(settings.SMTP_URL).protocol === "smtps:";
    transporter = nodemailer.createTransport(
      {
        url: settings.SMTP_URL,
        pool: true,
        maxConnections: settings.SMTP_MAX_CONNECTIONS,
        maxMessages: settings.SMTP_MAX_MESSAGES,
        connectionTimeout: 5_000,
        greetingTimeout: 5_000,
        socketTimeout: 15_000,
        ...(secure
          ? {}
          : {
              getSocket: (_options: unknown, callback: (error: Error | null, socketOptions?: { socket: Socket }) => void) => {
                const socket = new Socket();
                socket.setNoDelay(true);
                callback(null, { socket });
              },
            }),
      } as nodemailer.TransportOptions,
      { from: settings.MAIL_FROM },
    );
  }
  return transporter;
}
