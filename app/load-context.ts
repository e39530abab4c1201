import "@remix-run/node";

declare module "@remix-run/node" {
  interface AppLoadContext {
    /** The client's address as Express sees it (see server/app.ts). */
    clientAddress: string;
  }
  interface Future {
    v3_singleFetch: true;
  }
}
