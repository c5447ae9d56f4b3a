import { randomBytes, randomInt } from "node:crypto";
import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { markPeer } from "../../scripts/lib/peer-header.mjs";
import { newConfirmationNumber } from "@/domain/ids";
import { clientAddress, PEER_TOKEN_ENV } from "@/server/client-address";
import { type CookieJar, startPortalSignIn, TOO_MANY } from "@/server/portal/access";
import { testPrisma } from "./db";

/**
 * Per-client limits over real HTTP: a node:http server that marks the socket peer exactly as
 * scripts/web-server.mjs does, in front of the portal's first sign-in step (10 per client per 15
 * minutes). Each run talks from its own loopback address (127.x.y.z), so its counts are its own.
 */
const prisma = testPrisma();
const token = randomBytes(24).toString("base64url");
let server: Server;
let port = 0;

function jar(): CookieJar {
  const values = new Map<string, string>();
  return { get: (n) => (values.has(n) ? { value: values.get(n)! } : undefined), set: (n, v) => void values.set(n, v), delete: (n) => void values.delete(n) };
}

beforeAll(async () => {
  process.env[PEER_TOKEN_ENV] = token;
  server = createServer((req, res) => {
    markPeer(req, token);
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
    // A new confirmation number each time: only the per-client limit is in play.
    startPortalSignIn({ confirmationNumber: newConfirmationNumber(), dateOfBirth: "1984-03-14" }, clientAddress(headers), new Date(), jar()).then(
      (result) => res.end(JSON.stringify(result)),
      (error: unknown) => {
        res.statusCode = 500;
        res.end(String(error));
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterEach(() => void delete process.env.TRUSTED_PROXIES);
afterAll(async () => {
  delete process.env[PEER_TOKEN_ENV];
  await new Promise((resolve) => server.close(resolve));
  await prisma.$disconnect();
});

/** One sign-in start from `from` (a loopback address this test owns), with the headers a client chooses. */
function ask(from: string, headers: Record<string, string>): Promise<{ ok: boolean; message?: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path: "/", method: "POST", localAddress: from, headers }, (res) => {
      let body = "";
      res.on("data", (c: Buffer) => (body += c.toString()));
      res.on("end", () => (res.statusCode === 200 ? resolve(JSON.parse(body)) : reject(new Error(body))));
    });
    req.on("error", reject);
    req.end();
  });
}

const loopback = () => `127.${randomInt(1, 255)}.${randomInt(1, 255)}.${randomInt(1, 255)}`;
// Never in 10.0.0.0/8 or 127.0.0.0/8 (trusted or ours below).
const someAddress = () => `${randomInt(11, 100)}.${randomInt(0, 256)}.${randomInt(0, 256)}.${randomInt(1, 255)}`;

describe("per-client limits", () => {
  it("are not reset by a changed X-Forwarded-For, X-Real-IP or forged peer header from an untrusted peer", async () => {
    const from = loopback();
    const answers = [];
    for (let i = 0; i < 11; i++) {
      answers.push(await ask(from, { "x-forwarded-for": someAddress(), "x-real-ip": someAddress(), forwarded: `for=${someAddress()}`, "x-rc-peer": `${token} ${someAddress()} direct` }));
    }
    expect(answers.slice(0, 10).every((a) => a.ok)).toBe(true);
    expect(answers[10]).toEqual({ ok: false, message: TOO_MANY });
  });

  it("tell clients apart by X-Forwarded-For when the peer is a trusted proxy (TRUSTED_PROXIES), and still limit each client", async () => {
    const proxy = loopback();
    process.env.TRUSTED_PROXIES = `${proxy}, 10.0.0.0/8`;
    // Twelve clients behind the proxy (through a second trusted hop): each has its own count.
    for (let i = 0; i < 12; i++) expect(await ask(proxy, { "x-forwarded-for": `${someAddress()}, 10.1.2.3` })).toEqual({ ok: true });
    // One client behind it, whatever it puts on the left of the chain, is limited.
    const client = someAddress();
    const answers = [];
    for (let i = 0; i < 11; i++) answers.push(await ask(proxy, { "x-forwarded-for": `${someAddress()}, ${client}` }));
    expect(answers.slice(0, 10).every((a) => a.ok)).toBe(true);
    expect(answers[10]).toEqual({ ok: false, message: TOO_MANY });
  });
});
