import "server-only";
import { BlockList, isIP } from "node:net";

/**
 * Who is on the other end of the connection, for per-client limits (submissions, portal sign-in,
 * staff sign-in) and for the loopback-only development mailbox.
 *
 * The only address we know first-hand is the socket peer. Next.js does not expose it to route
 * handlers or server actions (it copies it into X-Forwarded-For only when the client sent none,
 * so that header is whatever the client says), so our web server (scripts/web-server.mjs) writes
 * it into PEER_HEADER, prefixed with a random per-process token the client cannot know. Anything
 * else a client sends — X-Forwarded-For, Forwarded, X-Real-IP — is believed only hop by hop from
 * proxies named in TRUSTED_PROXIES (docs/decisions/0008-client-address.md).
 */
export const PEER_HEADER = "x-rc-peer"; // written by scripts/lib/peer-header.mjs
/** Set by scripts/web-server.mjs in its own process; never by a client. */
export const PEER_TOKEN_ENV = "RC_PEER_TOKEN";

/** IPv4-mapped IPv6 (::ffff:10.0.0.1) is the IPv4 address; brackets and zone ids dropped. */
export function normalizeAddress(raw: string | null | undefined): string | null {
  if (!raw) return null;
  let a = raw.trim().replace(/^\[|\]$/g, "");
  const zone = a.indexOf("%");
  if (zone >= 0) a = a.slice(0, zone);
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(a);
  if (mapped) a = mapped[1]!;
  return isIP(a) ? a.toLowerCase() : null;
}

/** TRUSTED_PROXIES: comma-separated addresses or CIDR ranges (IPv4 or IPv6). Throws on a bad entry. */
export function parseTrustedProxies(value: string | undefined): BlockList {
  const list = new BlockList();
  for (const entry of (value ?? "").split(",").map((s) => s.trim()).filter(Boolean)) {
    const [address, prefix, extra] = entry.split("/");
    const ip = normalizeAddress(address);
    const family = ip ? (isIP(ip) === 4 ? "ipv4" : "ipv6") : null;
    if (!ip || !family || extra !== undefined) throw new Error(`TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR range`);
    if (prefix === undefined) {
      list.addAddress(ip, family);
      continue;
    }
    const bits = Number(prefix);
    if (!/^\d{1,3}$/.test(prefix) || bits > (family === "ipv4" ? 32 : 128)) throw new Error(`TRUSTED_PROXIES: "${entry}" has a bad prefix length`);
    list.addSubnet(ip, bits, family);
  }
  return list;
}

const trusts = (list: BlockList, ip: string) => list.check(ip, isIP(ip) === 4 ? "ipv4" : "ipv6");

/**
 * The client's address: the socket peer, unless the peer is a trusted proxy — then X-Forwarded-For
 * is walked right to left, past every trusted hop, and the first untrusted address is the client.
 * A malformed entry stops the walk at the last address we could believe. Pure (tested in
 * tests/unit/client-address.test.ts).
 */
export function resolveClientAddress(peer: string | null, forwardedFor: string | null, trusted: BlockList): string | null {
  let client = normalizeAddress(peer);
  if (!client) return null;
  const hops = (forwardedFor ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  while (trusts(trusted, client) && hops.length) {
    const next = normalizeAddress(hops.pop()!);
    if (!next) break;
    client = next;
  }
  return client;
}

/**
 * The socket peer our web server recorded, and whether the raw request carried any forwarding
 * header (Next.js adds X-Forwarded-* itself, so only the web server can tell); null when the
 * header is missing or forged (a server that is not ours, or a client guessing).
 */
export function peerOf(h: Headers): { address: string; direct: boolean } | null {
  const token = process.env[PEER_TOKEN_ENV];
  const [given, address, direct, extra] = (h.get(PEER_HEADER) ?? "").split(" ");
  if (!token || given !== token || extra !== undefined) return null;
  const ip = normalizeAddress(address);
  return ip ? { address: ip, direct: direct === "direct" } : null;
}

let trustedCache: { source: string | undefined; list: BlockList } | undefined;
function trustedProxies(): BlockList {
  // Validated with the rest of the configuration (src/server/env.ts); read live so tests can vary it.
  const source = process.env.TRUSTED_PROXIES;
  if (!trustedCache || trustedCache.source !== source) trustedCache = { source, list: parseTrustedProxies(source) };
  return trustedCache.list;
}

/**
 * The key for per-client limits. Every caller goes through here. When the peer is unknown (the
 * app served by something other than scripts/web-server.mjs) every such client shares one key:
 * limits then hold for everyone rather than being reset by a header.
 */
export function clientAddress(h: Headers): string {
  return resolveClientAddress(peerOf(h)?.address ?? null, h.get("x-forwarded-for"), trustedProxies()) ?? "unknown";
}

const isLoopback = (ip: string) => ip === "::1" || /^127\./.test(ip);

/** A client on this machine talking to us directly: the socket peer is loopback and no proxy header came along. */
export function isDirectLoopbackClient(h: Headers): boolean {
  const peer = peerOf(h);
  return !!peer && peer.direct && isLoopback(peer.address);
}
