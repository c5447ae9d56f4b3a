import { mkdir, rename, writeFile } from "node:fs/promises";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { SMTPServer, type SMTPServerOptions } from "smtp-server";
import { freePort } from "./processes.ts";

export type LocalSmtp = {
  url: string;
  port: number;
  mailboxDir: string;
  /**
   * Makes the server answer the next messages with an SMTP error, for tests of retries and dead
   * letters: e.g. failNext(2, 451) is "try again later" twice; 550 is a permanent refusal.
   */
  failNext: (count: number, code: number) => void;
  stop: () => Promise<void>;
};

/**
 * A local SMTP server for development and tests (`smtp-server`). It accepts every message on
 * 127.0.0.1 and keeps it as an .eml file in `mailboxDir`, which the development mailbox page
 * (/dev/mailbox) and the tests read.
 */
export async function startLocalSmtp(options: { mailboxDir: string; port?: number }): Promise<LocalSmtp> {
  const mailboxDir = path.resolve(options.mailboxDir);
  await mkdir(mailboxDir, { recursive: true });
  const port = options.port ?? (await freePort());
  let failures: { remaining: number; code: number } = { remaining: 0, code: 451 };

  const serverOptions: SMTPServerOptions = {
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    banner: "Record Connect local SMTP (development only)",
    size: 25 * 1024 * 1024,
    logger: false,
    // Stopping waits this long for open connections (the worker has stopped by then).
    closeTimeout: 1_000,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("error", callback);
      stream.on("end", () => {
        if (failures.remaining > 0) {
          failures.remaining -= 1;
          // Worded as real servers do, echoing the recipient (the outbox must not store it).
          const to = session.envelope.rcptTo.map((r) => `<${r.address}>`).join(", ");
          const error = Object.assign(new Error(failures.code >= 500 ? `5.1.1 ${to}: Recipient address rejected: mailbox unavailable` : "4.3.0 Try again later"), {
            responseCode: failures.code,
          });
          callback(error);
          return;
        }
        const name = `${new Date().toISOString()}-${randomBytes(6).toString("hex")}.eml`;
        const temp = path.join(mailboxDir, `.${name}.tmp`);
        // Write then rename: readers never see half a message.
        writeFile(temp, Buffer.concat(chunks))
          .then(() => rename(temp, path.join(mailboxDir, name)))
          .then(() => callback(), callback);
      });
    },
  };
  const server = new SMTPServer(serverOptions);
  // Replies go out at once (no Nagle): SMTP is a run of small command/reply exchanges, and each
  // reply held back against the client's delayed acknowledgement cost ~40 ms a message.
  (server as unknown as { server?: import("node:net").Server }).server?.on("connection", (socket: import("node:net").Socket) => socket.setNoDelay(true));
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  server.on("error", () => {
    // a client error on one connection must not bring the server down
  });

  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    mailboxDir,
    failNext: (count, code) => {
      failures = { remaining: count, code };
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
