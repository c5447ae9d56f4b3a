/**
 * What scripts/web-server.mjs tells the app about each connection (src/server/client-address.ts
 * reads it): `x-rc-peer: <token> <socket peer address> direct|forwarded`, replacing anything a
 * client sent under that name. "forwarded" means the raw request carried a forwarding header
 * (X-Forwarded-*, Forwarded, X-Real-IP, Via…), before Next.js adds X-Forwarded-* of its own.
 * Plain JavaScript: the web server runs without a TypeScript loader.
 */
export const PEER_HEADER = "x-rc-peer";

const FORWARDING = /^(forwarded|via|x-forwarded-.+|x-real-ip|x-client-ip|true-client-ip|cf-connecting-ip|x-cluster-client-ip|fastly-client-ip|x-original-forwarded-for)$/;

/** @param {import("node:http").IncomingMessage} req @param {string} token */
export function markPeer(req, token) {
  const forwarded = Object.keys(req.headers).some((name) => FORWARDING.test(name));
  req.headers[PEER_HEADER] = `${token} ${req.socket.remoteAddress ?? "unknown"} ${forwarded ? "forwarded" : "direct"}`;
}
