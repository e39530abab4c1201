import WebSocket from "ws";

/**
 * `ws` with the headers a browser sends (session cookie, Origin), for y-websocket's
 * WebsocketProvider in Node: its polyfill hook cannot pass headers itself.
 * Used by the tests and the benchmarks.
 */
export function browserLikeWebSocket(headers: Record<string, string>) {
  return class extends WebSocket {
    constructor(address: string | URL, protocols?: string | string[]) {
      super(address, protocols, { headers });
    }
  };
}
