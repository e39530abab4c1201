import { ScrollBox } from "~/components/scroll-box";
import { pageTitle } from "~/i18n/page-title";
import type { MetaFunction } from "@remix-run/node";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireUser } from "~/auth/current-user.server";
import { organizationName } from "~/i18n/localized-name";
import { Pagination } from "~/components/pagination";
import { SearchBox } from "~/components/search-box";
import { useT } from "~/i18n/use-t";
import { setPlatformAdmin, setUserActive } from "~/models/accounts/accounts.server";
import { listUsers } from "~/models/accounts/users.server";
import { parseForm } from "~/utils/forms";
import { pageCount, readPage } from "~/utils/pagination";
import { readForm } from "~/utils/read-form.server";
import { allow } from "~/boundary/request-boundary.server";
import { PLATFORM } from "~/policies";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("users.title"));

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  await allow(request, user, "admin.listUsers", PLATFORM, { hide: true });
  const page = readPage(new URL(request.url));
  const { items, total } = await listUsers(page);
  return { users: items, total, page: page.page, pages: pageCount(total), query: page.query, currentUserId: user.id };
}

const UserChangeSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("activation"), userId: z.string().min(1), active: z.enum(["true", "false"]) }),
  z.object({ intent: z.literal("platformAdmin"), userId: z.string().min(1), admin: z.enum(["true", "false"]) }),
]);

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  // Before reading the form: to anyone else this page does not exist, whatever they post.
  await allow(request, user, "admin.listUsers", PLATFORM, { hide: true });
  const parsed = parseForm(UserChangeSchema, await readForm(request));
  if (!parsed.ok) return data({ ok: false }, { status: 400 });
  const target = { type: "user" as const, id: parsed.value.userId };
  if (parsed.value.intent === "activation") {
    await allow(request, user, "user.deactivate", target, { hide: true });
    await setUserActive(user.id, target.id, parsed.value.active === "true");
  } else {
    await allow(request, user, "user.setPlatformAdmin", target, { hide: true });
    await setPlatformAdmin(user.id, target.id, parsed.value.admin === "true");
  }
  return { ok: true };
}

export default function AdminUsersPage() {
  const t = useT();
  const { users, total, page, pages, query, currentUserId } = useLoaderData<typeof loader>();
  return (
    <section>
      <h1>{t("users.title")}</h1>
      <SearchBox query={query} label={t("users.search")} />
      <p className="muted">{t("common.results", { count: t.number(total) })}</p>
      <ScrollBox label={t("users.title")}>
        <table className="table">
          <thead>
            <tr>
              <th>{t("fields.name")}</th>
              <th>{t("fields.email")}</th>
              <th>{t("profile.organizations")}</th>
              <th>{t("users.status")}</th>
              <th>{t("profile.platformAdmin")}</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id}>
                <td>
                  {u.name} {u.isPlatformAdmin ? <span className="badge">{t("profile.platformAdmin")}</span> : null}
                </td>
                <td>{u.email}</td>
                <td>
                  {u.memberships.map((m) => (
                    <div key={m.organization.id}>
                      <Link to={`/orgs/${m.organization.id}`}>{organizationName(m.organization, t.locale)}</Link>{" "}
                      <span className="muted">{t(`roles.${m.role}`)}</span>
                    </div>
                  ))}
                </td>
                <td>
                  {u.id === currentUserId ? (
                    t("users.active")
                  ) : (
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="intent" value="activation" />
                      <input type="hidden" name="userId" value={u.id} />
                      <input type="hidden" name="active" value={u.isActive ? "false" : "true"} />
                      <span>{u.isActive ? t("users.active") : t("users.inactive")}</span>{" "}
                      <button type="submit" className={u.isActive ? "danger" : ""}>
                        {u.isActive ? t("users.deactivate") : t("users.activate")}
                      </button>
                    </Form>
                  )}
                </td>
                <td>
                  {u.id === currentUserId ? null : (
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="intent" value="platformAdmin" />
                      <input type="hidden" name="userId" value={u.id} />
                      <input type="hidden" name="admin" value={u.isPlatformAdmin ? "false" : "true"} />
                      <button type="submit" data-testid={`admin-toggle-${u.email}`}>
                        {u.isPlatformAdmin ? t("users.revokeAdmin") : t("users.grantAdmin")}
                      </button>
                    </Form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollBox>
      <Pagination page={page} pages={pages} />
    </section>
  );
}
