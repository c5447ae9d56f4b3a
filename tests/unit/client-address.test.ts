import { randomBytes, randomInt } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { clientAddress, isDirectLoopbackClient, normalizeAddress, parseTrustedProxies, peerOf, PEER_HEADER, PEER_TOKEN_ENV, resolveClientAddress } from "@/server/client-address";

const ipv4 = () => Array.from({ length: 4 }, () => randomInt(0, 256)).join(".");
const ipv6 = () => Array.from({ length: 8 }, () => randomInt(0, 65536).toString(16)).join(":");
const anyAddress = () => (randomInt(0, 2) ? ipv4() : ipv6());
/** What a client may put in X-Forwarded-For: addresses, junk, several hops. */
const forgedChain = () =>
  Array.from({ length: randomInt(0, 5) }, () => [ipv4(), ipv6(), "unknown", "127.0.0.1", "::1", "10.0.0.5", "", " 1.2.3.4 "][randomInt(0, 8)]).join(",");

describe("the client address for limits", () => {
  it("is the socket peer whatever X-Forwarded-For says, when no proxy is trusted (1,000 generated cases)", () => {
    const none = parseTrustedProxies(undefined);
    for (let i = 0; i < 1000; i++) {
      const peer = anyAddress();
      expect(resolveClientAddress(peer, forgedChain(), none)).toBe(normalizeAddress(peer));
    }
  });

  it("is the socket peer when the peer is not a trusted proxy, even if other proxies are trusted", () => {
    const trusted = parseTrustedProxies("10.0.0.0/8, 192.168.1.7, fd00::/8");
    for (let i = 0; i < 500; i++) {
      const peer = `203.0.113.${randomInt(0, 256)}`;
      expect(resolveClientAddress(peer, forgedChain(), trusted)).toBe(peer);
    }
  });

  it("walks X-Forwarded-For right to left over trusted hops only", () => {
    const trusted = parseTrustedProxies("10.0.0.0/8,192.168.1.7");
    const cases: Array<[string, string | null, string]> = [
      ["10.0.0.5", "198.51.100.9", "198.51.100.9"],
      ["10.0.0.5", "198.51.100.9, 10.1.2.3", "198.51.100.9"],
      // A client's forged left-hand entries are never reached: the first untrusted hop is the client.
      ["10.0.0.5", "1.1.1.1, 6.6.6.6, 198.51.100.9", "198.51.100.9"],
      ["192.168.1.7", "2001:db8::1", "2001:db8::1"],
      // A trusted proxy without a forwarded address is itself the client; junk stops the walk.
      ["10.0.0.5", null, "10.0.0.5"],
      ["10.0.0.5", "not-an-ip", "10.0.0.5"],
      ["10.0.0.5", "198.51.100.9, garbage", "10.0.0.5"],
      ["::ffff:10.0.0.5", "198.51.100.9", "198.51.100.9"],
      // Not trusted: 192.168.1.8 is outside the single trusted address.
      ["192.168.1.8", "198.51.100.9", "192.168.1.8"],
    ];
    for (const [peer, xff, expected] of cases) expect(resolveClientAddress(peer, xff, trusted), `${peer} / ${xff}`).toBe(expected);
    // Every trusted proxy in a generated chain is skipped, whatever the client put before it.
    for (let i = 0; i < 300; i++) {
      const client = ipv4().replace(/^10\./, "11.");
      const proxies = Array.from({ length: randomInt(0, 4) }, () => `10.${randomInt(0, 256)}.${randomInt(0, 256)}.${randomInt(0, 256)}`);
      expect(resolveClientAddress("10.9.9.9", [forgedChain(), client, ...proxies].filter(Boolean).join(", "), trusted)).toBe(client);
    }
  });

  it("normalizes IPv4-mapped IPv6 and refuses what is not an address", () => {
    expect(normalizeAddress("::ffff:127.0.0.1")).toBe("127.0.0.1");
    expect(normalizeAddress("[2001:DB8::1]")).toBe("2001:db8::1");
    expect(normalizeAddress("fe80::1%eth0")).toBe("fe80::1");
    for (const bad of ["", "unknown", "1.2.3", "1.2.3.4.5", "localhost", "1.2.3.4:80"]) expect(normalizeAddress(bad)).toBeNull();
  });

  it("refuses a TRUSTED_PROXIES entry that is not an address or CIDR range", () => {
    for (const bad of ["proxy.example", "10.0.0.0/33", "10.0.0.1/8/1", "::/129", "10.0.0.0/x"]) expect(() => parseTrustedProxies(bad)).toThrow(/TRUSTED_PROXIES/);
    expect(() => parseTrustedProxies(" 10.0.0.0/8 , ::1 ,")).not.toThrow();
  });
});

describe("the socket peer header", () => {
  const token = randomBytes(24).toString("base64url");
  beforeEach(() => {
    process.env[PEER_TOKEN_ENV] = token;
    delete process.env.TRUSTED_PROXIES;
  });
  afterEach(() => {
    delete process.env[PEER_TOKEN_ENV];
    delete process.env.TRUSTED_PROXIES;
  });
  const headers = (peer: string, extra: Record<string, string> = {}, forwarded = Object.keys(extra).length > 0) =>
    new Headers({ [PEER_HEADER]: `${token} ${peer} ${forwarded ? "forwarded" : "direct"}`, ...extra });

  it("is believed only with this process's token", () => {
    expect(peerOf(headers("198.51.100.4"))).toEqual({ address: "198.51.100.4", direct: true });
    expect(peerOf(new Headers({ [PEER_HEADER]: `forged 127.0.0.1 direct` }))).toBeNull();
    expect(peerOf(new Headers({ [PEER_HEADER]: `${token} 127.0.0.1 direct extra` }))).toBeNull();
    delete process.env[PEER_TOKEN_ENV];
    expect(peerOf(headers("127.0.0.1"))).toBeNull();
  });

  it("gives the same key for one peer whatever X-Forwarded-For it sends, unless the peer is a trusted proxy", () => {
    const keys = new Set(Array.from({ length: 50 }, () => clientAddress(headers("198.51.100.4", { "x-forwarded-for": ipv4() }))));
    expect([...keys]).toEqual(["198.51.100.4"]);
    process.env.TRUSTED_PROXIES = "198.51.100.4";
    expect(clientAddress(headers("198.51.100.4", { "x-forwarded-for": "203.0.113.7" }))).toBe("203.0.113.7");
    expect(clientAddress(headers("198.51.100.4", { "x-forwarded-for": "203.0.113.8" }))).toBe("203.0.113.8");
  });

  it("shares one key among clients when the peer is unknown, rather than believing a header", () => {
    delete process.env[PEER_TOKEN_ENV];
    expect(clientAddress(new Headers({ "x-forwarded-for": ipv4() }))).toBe("unknown");
    expect(clientAddress(new Headers({ "x-real-ip": ipv4() }))).toBe("unknown");
  });

  it("calls a client direct and local only when the peer is loopback and no forwarding header came", () => {
    expect(isDirectLoopbackClient(headers("127.0.0.1"))).toBe(true);
    expect(isDirectLoopbackClient(headers("::1"))).toBe(true);
    expect(isDirectLoopbackClient(headers("::ffff:127.0.0.1"))).toBe(true);
    expect(isDirectLoopbackClient(headers("127.0.0.1", { "x-forwarded-for": "127.0.0.1" }))).toBe(false);
    expect(isDirectLoopbackClient(headers("127.0.0.1", { forwarded: "for=127.0.0.1" }))).toBe(false);
    expect(isDirectLoopbackClient(headers("127.0.0.1", { "x-real-ip": "127.0.0.1" }))).toBe(false);
    expect(isDirectLoopbackClient(headers("198.51.100.4"))).toBe(false);
    expect(isDirectLoopbackClient(new Headers({ [PEER_HEADER]: `forged 127.0.0.1 direct` }))).toBe(false);
    expect(isDirectLoopbackClient(new Headers({ "x-forwarded-for": "127.0.0.1" }))).toBe(false);
  });
});
