import type { IncomingMessage } from "node:http";

export declare const PEER_HEADER: "x-rc-peer";
export declare function markPeer(req: IncomingMessage, token: string): void;
