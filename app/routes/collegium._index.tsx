import { ScrollBox } from "~/components/scroll-box";
import { pageTitle } from "~/i18n/page-title";
import type { MetaFunction } from "@remix-run/node";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/current-user.server";
import { inOffice } from "~/collegium/terms";
import { organizationName } from "~/i18n/localized-name";
import { useT } from "~/i18n/use-t";
import { listBodies } from "~/models/collegium/collegium.server";
import { db } from "~/utils/db.server";
import { allow } from "~/boundary/request-boundary.server";
import { PLATFORM } from "~/policies";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("collegium.list.title"));

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  await allow(request, user, "collegium.view", PLATFORM);
  const bodies = await listBodies();
  const now = new Date();
  const seats = await db().collegiumMembership.findMany({
    where: { bodyId: { in: bodies.map((body) => body.id) }, termStart: { lte: now } },
    select: { bodyId: true, termStart: true, termEnd: true },
  });
  return {
    bodies: bodies.map((body) => ({
      id: body.id,
      names: { nameHy: body.nameHy, nameRu: body.nameRu, nameKa: body.nameKa, nameEn: body.nameEn },
      ministry: body.organization,
      inOffice: seats.filter((seat) => seat.bodyId === body.id && inOffice(seat, now)).length,
    })),
  };
}

export default function CollegiaPage() {
  const t = useT();
  const { bodies } = useLoaderData<typeof loader>();
  return (
    <section>
      <div className="page-title">
        <div>
          <h1>{t("collegium.list.title")}</h1>
          <p className="muted">{t("collegium.list.lead")}</p>
        </div>
      </div>
      {bodies.length === 0 ? (
        <p className="card muted">{t("collegium.list.empty")}</p>
      ) : (
        <ScrollBox label={t("collegium.list.title")}>
          <table className="table">
            <thead>
              <tr>
                <th>{t("collegium.list.name")}</th>
                <th>{t("collegium.list.ministry")}</th>
                <th>{t("collegium.list.inOffice")}</th>
              </tr>
            </thead>
            <tbody>
              {bodies.map((body) => (
                <tr key={body.id} data-testid="collegium-row">
                  <td>
                    <Link to={`/collegium/${body.id}`}>{organizationName(body.names, t.locale)}</Link>
                  </td>
                  <td>
                    <Link to={`/orgs/${body.ministry.id}`}>{organizationName(body.ministry, t.locale)}</Link>
                  </td>
                  <td>{t.number(body.inOffice)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
      )}
    </section>
  );
}
