import "@fontsource/noto-sans/400.css";
import "@fontsource/noto-sans/600.css";
import "@fontsource/noto-sans-armenian/400.css";
import "@fontsource/noto-sans-armenian/600.css";
import "@fontsource/noto-sans-georgian/400.css";
import "@fontsource/noto-sans-georgian/600.css";
import { cssBundleHref } from "@remix-run/css-bundle";
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteLoaderData,
} from "@remix-run/react";
import { useEffect, type ReactNode } from "react";
import { getCurrentUser } from "~/auth/current-user.server";
import { ErrorPage } from "~/components/error-page";
import { SiteFooter } from "~/components/site-footer";
import { SiteHeader } from "~/components/site-header";
import { DEFAULT_LOCALE } from "~/i18n/config";
import { resolveLocale } from "~/i18n/locale.server";
import { pageTitle } from "~/i18n/page-title";
import { useT } from "~/i18n/use-t";
import { unreadNotificationCount } from "~/models/notifications/notifications.server";
import stylesheet from "~/styles/app.css";
import { useNonce } from "~/utils/csp-nonce";

export const links: LinksFunction = () => [
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
  ...(cssBundleHref ? [{ rel: "stylesheet", href: cssBundleHref }] : []),
  { rel: "stylesheet", href: stylesheet },
];

/** Pages without a title of their own, and the error page (which says what went wrong). */
export const meta: MetaFunction = ({ error, matches }) =>
  pageTitle(matches, (t) => {
    if (!error) return null;
    const status = isRouteErrorResponse(error) ? error.status : 500;
    const kind =
      status === 403 ? "forbidden" : status === 404 ? "notFound" : status === 401 ? "unauthorized" : "server";
    return t(`errorPage.${kind}.title`);
  });

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getCurrentUser(request);
  return {
    locale: resolveLocale(request, user?.locale),
    user: user && {
      id: user.id,
      name: user.name,
      email: user.email,
      isPlatformAdmin: user.isPlatformAdmin,
      unreadNotifications: await unreadNotificationCount(user.id),
    },
  };
}

export type RootData = Awaited<ReturnType<typeof loader>>;

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const nonce = useNonce();
  const t = useT();
  // Browser tests (and scripts) wait for this before they look at the page as a reader sees it.
  useEffect(() => {
    document.documentElement.dataset.hydrated = "true";
  }, []);
  return (
    <html lang={data?.locale ?? DEFAULT_LOCALE}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        {/* The first thing a keyboard reaches: past the header straight to the page's content. */}
        <a href="#main" className="skip-link">
          {t("nav.skipToContent")}
        </a>
        <SiteHeader />
        <main className="page" id="main" tabIndex={-1}>
          {children}
        </main>
        <SiteFooter />
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
