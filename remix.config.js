/** @type {import('@remix-run/dev').AppConfig} */
export default {
  ignoredRouteFiles: ["**/.*", "**/*.test.*"],
  serverModuleFormat: "esm",
  serverPlatform: "node",
  // Tiptap is bundled (some of its files are ESM-only); yjs, lib0 and y-* stay external so the
  // web app and the collab server in the same process share one Yjs instance (yjs#438).
  serverDependenciesToBundle: [/^@tiptap\//],
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    v3_lazyRouteDiscovery: true,
    v3_singleFetch: true,
  },
};
