import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireUser } from "~/auth/current-user.server";
import { organizationName } from "~/components/organization-name";
import { Pagination } from "~/components/pagination";
import { SearchBox } from "~/components/search-box";
import { useT } from "~/i18n/use-t";
import { setUserActive } from "~/models/accounts.server";
import { listUsers } from "~/models/users.server";
import { parseForm } from "~/utils/forms";
import { pageCount, readPage } from "~/utils/pagination";
import { authorize } from "~/utils/responses.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  authorize(user.actor, "admin.listUsers", undefined, { hide: true });
  const page = readPage(new URL(request.url));
  const { items, total } = await listUsers(page);
  return { users: items, total, page: page.page, pages: pageCount(total), query: page.query, currentUserId: user.id };
}

const ActivationSchema = z.object({ userId: z.string().min(1), active: z.enum(["true", "false"]) });

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const parsed = parseForm(ActivationSchema, await request.formData());
  if (!parsed.ok) return data({ ok: false }, { status: 400 });
  authorize(user.actor, "user.deactivate", { type: "user", id: parsed.value.userId }, { hide: true });
  await setUserActive(user.id, parsed.value.userId, parsed.value.active === "true");
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
      <table className="table">
        <thead>
          <tr>
            <th>{t("fields.name")}</th>
            <th>{t("fields.email")}</th>
            <th>{t("profile.organizations")}</th>
            <th>{t("users.status")}</th>
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
                    <input type="hidden" name="userId" value={u.id} />
                    <input type="hidden" name="active" value={u.isActive ? "false" : "true"} />
                    <span>{u.isActive ? t("users.active") : t("users.inactive")}</span>{" "}
                    <button type="submit" className={u.isActive ? "danger" : ""}>
                      {u.isActive ? t("users.deactivate") : t("users.activate")}
                    </button>
                  </Form>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pagination page={page} pages={pages} />
    </section>
  );
}
