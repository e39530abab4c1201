import "@remix-run/node";

declare module "@remix-run/node" {
  interface AppLoadContext {
    /** The client's address as Express sees it (see server/app.ts). */
    clientAddress: string;
    /** This response's Content-Security-Policy nonce for inline scripts (server/security-headers.ts). */
    cspNonce: string;
  }
  interface Future {
    v3_singleFetch: true;
  }
}
