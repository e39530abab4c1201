import { createContext, useContext, type ReactNode } from "react";

/**
 * The Content-Security-Policy nonce of this response (server/security-headers.ts), handed
 * from entry.server to the inline scripts Remix renders. In the browser it is empty: the
 * scripts have run by then, and browsers hide nonce attributes from the page anyway.
 */
const NonceContext = createContext("");

export function NonceProvider({ nonce, children }: { nonce: string; children: ReactNode }) {
  return <NonceContext.Provider value={nonce}>{children}</NonceContext.Provider>;
}

export function useNonce(): string {
  return useContext(NonceContext);
}
