import { connect } from "node:net";

/**
 * PING over Redis's plain-text protocol (RESP): enough for a health check without a
 * client library. Resolves true on "+PONG" within the timeout, false on an error reply,
 * a refused connection or silence. The URL's password is sent with AUTH and never reported.
 */
export function redisPing(redisUrl: string, timeoutMs = 1000): Promise<boolean> {
  const url = new URL(redisUrl);
  return new Promise((resolve) => {
    const socket = connect({ host: url.hostname, port: Number(url.port || 6379) });
    let reply = "";
    const done = (ok: boolean) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(ok);
    };
    const timer = setTimeout(() => done(false), timeoutMs);
    socket.on("connect", () => {
      const password = decodeURIComponent(url.password);
      const user = decodeURIComponent(url.username);
      if (password) socket.write(user ? `AUTH ${user} ${password}\r\n` : `AUTH ${password}\r\n`);
      socket.write("PING\r\n");
    });
    socket.on("data", (chunk) => {
      reply += chunk.toString();
      // Replies come in order: any error (a refused AUTH included) fails the check.
      if (/^-/m.test(reply)) done(false);
      else if (reply.includes("+PONG")) done(true);
    });
    socket.on("error", () => done(false));
    socket.on("close", () => done(false));
  });
}
