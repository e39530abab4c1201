import "@remix-run/node";

declare module "@remix-run/node" {
  interface AppLoadContext {
    /** The client's address as Express sees it (see server/app.ts). */
    clientAddress: string;
    /** This response's Content-Security-Policy nonce for inline scripts (server/security-headers.ts). */
    cspNonce: string;
    /** The port this request came in on: the web server reaches its own collab upgrade path there. */
    localPort: number;
    /**
     * Runs work after this response has been sent: work whose time must not show in the
     * answer (a reset link is made only for known e-mails) and must not slow it down.
     */
    afterResponse: (work: () => void) => void;
  }
  interface Future {
    v3_singleFetch: true;
  }
}
