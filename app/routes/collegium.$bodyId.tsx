import { pageTitle } from "~/i18n/page-title";
import type { MetaFunction } from "@remix-run/node";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/current-user.server";
import { inOffice } from "~/collegium/terms";
import { AddMembershipForm } from "~/components/collegium/add-membership-form";
import { RollTable, type RollActionResult, type SeatRow } from "~/components/collegium/roll-table";
import { VotingRulesForm } from "~/components/collegium/voting-rules-form";
import { BodyMeetings } from "~/components/meetings/body-meetings";
import { resolveLocale } from "~/i18n/locale.server";
import { bodyMeetingsFor } from "~/models/collegium/body-meetings.server";
import { FormError } from "~/components/field";
import { ORGANIZATION_NAMES, organizationName } from "~/i18n/localized-name";
import { PLATFORM_TIME_ZONE } from "~/i18n/config";
import { useT } from "~/i18n/use-t";
import { linkMembershipToUser, setVotingRules } from "~/models/collegium/collegium-links.server";
import { addMembership, endTerm, getBody } from "~/models/collegium/collegium.server";
import { can, PLATFORM } from "~/policies";
import {
  AddMembershipSchema,
  COLLEGIUM_ROLES,
  dayEnd,
  dayStart,
  EndTermSchema,
  isoDay,
  LinkMembershipSchema,
  VotingRulesSchema,
} from "~/schemas/collegium";
import { db } from "~/utils/db.server";
import { RuleError } from "~/utils/rule-error";
import { allow, found, handleIntents, InvalidInput } from "~/boundary/request-boundary.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, (t, locale) =>
    data ? t("titles.collegium", { name: organizationName(data.body.names, locale) }) : null,
  );

async function requireBody(request: Request, bodyId: string | undefined) {
  const user = await requireUser(request);
  await allow(request, user, "collegium.view", PLATFORM);
  const body = found(await getBody(bodyId ?? ""));
  const resource = { type: "collegium" as const, organizationId: body.organizationId };
  return { user, body, canManage: can(user.actor, "collegium.manage", resource), resource };
}

type Seat = NonNullable<Awaited<ReturnType<typeof getBody>>>["memberships"][number];

const yearOf = (at: Date) =>
  new Intl.DateTimeFormat("en-US", { timeZone: PLATFORM_TIME_ZONE, year: "numeric" }).format(at);

function seatRow(seat: Seat): SeatRow {
  return {
    id: seat.id,
    person: seat.user?.name ?? seat.personName,
    hasAccount: seat.userId !== null,
    organization: seat.organization,
    position: seat.position,
    role: seat.role,
    termStart: seat.termStart.toISOString(),
    termEnd: seat.termEnd?.toISOString() ?? null,
    appointedBy: seat.appointedBy,
  };
}

/** The roll as of now: in office, appointed for later, and ended terms by the year they ended. */
function splitRoll(seats: Seat[], now: Date) {
  const rank = (seat: Seat) => COLLEGIUM_ROLES.indexOf(seat.role);
  const current = seats.filter((seat) => inOffice(seat, now)).sort((a, b) => rank(a) - rank(b));
  const upcoming = seats.filter((seat) => seat.termStart > now);
  const ended = seats
    .filter((seat) => seat.termEnd !== null && seat.termEnd < now)
    .sort((a, b) => b.termEnd!.getTime() - a.termEnd!.getTime() || rank(a) - rank(b));
  const history: { year: string; seats: SeatRow[] }[] = [];
  for (const seat of ended) {
    const year = yearOf(seat.termEnd!);
    let group = history.find((g) => g.year === year);
    if (!group) history.push((group = { year, seats: [] }));
    group.seats.push(seatRow(seat));
  }
  return { current: current.map(seatRow), upcoming: upcoming.map(seatRow), history };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, body, canManage } = await requireBody(request, params.bodyId);
  const now = new Date();
  return {
    meetings: await bodyMeetingsFor(user.actor, body.id, resolveLocale(request, user.locale), now),
    body: {
      id: body.id,
      names: { nameHy: body.nameHy, nameRu: body.nameRu, nameKa: body.nameKa, nameEn: body.nameEn },
      ministry: body.organization,
      quorumShare: body.quorumShare,
      majorityShare: body.majorityShare,
    },
    roll: splitRoll(body.memberships, now),
    seatCount: body.memberships.length,
    canManage,
    today: isoDay(now),
    organizations: canManage
      ? await db().organization.findMany({ orderBy: { nameEn: "asc" }, select: ORGANIZATION_NAMES })
      : [],
  };
}

const findUser = (email: string) => db().user.findUnique({ where: { email }, select: { id: true, name: true } });

/** Which seat's row shows an answer: the row's own forms (end a term, link an account) name it. */
const seatOf = (form: FormData) => {
  const intent = String(form.get("intent") ?? "");
  return intent === "end" || intent === "link" ? String(form.get("membershipId") ?? "") || null : null;
};

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, body, resource } = await requireBody(request, params.bodyId);
  // The roll decides who reviews and who closes reviews: kept by the ministry's administrators only.
  await allow(request, user, "collegium.manage", resource, { object: { type: "CollegiumBody", id: body.id } });
  const done = redirect(`/collegium/${body.id}`);
  return handleIntents<{ membershipId: string | null }>(request, {
    audit: { prefix: "collegium", objectType: "CollegiumBody", objectId: body.id },
    echo: (form) => ({ membershipId: seatOf(form) }),
    intents: {
      add: async ({ parse }) => {
        const input = parse(AddMembershipSchema);
        const person = input.email ? await findUser(input.email) : null;
        if (input.email && !person) throw new InvalidInput({ email: "collegium.errors.noSuchUser" });
        if (input.organizationId && !(await db().organization.findUnique({ where: { id: input.organizationId } }))) {
          throw new InvalidInput({ organizationId: "errors.notAllowed" });
        }
        await addMembership(user.id, body.id, {
          userId: person?.id ?? null,
          personName: person?.name ?? input.personName,
          organizationId: input.organizationId,
          position: input.position,
          role: input.role,
          termStart: dayStart(input.termStart),
          termEnd: input.termEnd ? dayEnd(input.termEnd) : null,
          appointedBy: input.appointedBy,
        });
        throw done;
      },
      end: async ({ parse }) => {
        const value = parse(EndTermSchema);
        const seat = body.memberships.find((m) => m.id === value.membershipId);
        const termEnd = dayEnd(value.termEnd);
        // Ending shortens a term; a later end could run into the person's next seat.
        if (seat?.termEnd && termEnd > seat.termEnd) throw new RuleError("collegium.errors.cannotExtend", "termEnd");
        await endTerm(user.id, body.id, value.membershipId, termEnd);
        throw done;
      },
      rules: async ({ parse }) => {
        const value = parse(VotingRulesSchema);
        await setVotingRules(user.id, body.id, value.quorumPercent / 100, value.majorityPercent / 100);
        throw done;
      },
      link: async ({ parse }) => {
        const value = parse(LinkMembershipSchema);
        const person = await findUser(value.email);
        if (!person) throw new InvalidInput({ email: "collegium.errors.noSuchUser" });
        await linkMembershipToUser(user.id, body.id, value.membershipId, person.id);
        throw done;
      },
    },
  });
}

export default function CollegiumRollPage() {
  const t = useT();
  const { body, roll, seatCount, canManage, today, organizations, meetings } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as RollActionResult | undefined;
  const manage = canManage ? { today, result } : null;
  return (
    <section>
      <p className="eyebrow">
        <Link to="/collegium">← {t("collegium.list.title")}</Link>
      </p>
      <div className="page-title">
        <div>
          <h1 data-testid="collegium-name">{organizationName(body.names, t.locale)}</h1>
          <p className="muted">
            <Link to={`/orgs/${body.ministry.id}`}>{organizationName(body.ministry, t.locale)}</Link>
          </p>
        </div>
      </div>
      {result && !result.membershipId ? <FormError error={result.errors.form} /> : null}

      <h2>{t("collegium.roll.current")}</h2>
      <RollTable
        seats={roll.current}
        empty={t("collegium.roll.currentEmpty")}
        manage={manage}
        testId="current-members"
        label={t("collegium.roll.current")}
      />

      {roll.upcoming.length > 0 ? (
        <>
          <h2>{t("collegium.roll.upcoming")}</h2>
          <RollTable
            seats={roll.upcoming}
            empty=""
            manage={manage}
            testId="upcoming-members"
            label={t("collegium.roll.upcoming")}
          />
        </>
      ) : null}

      <h2>{t("collegium.roll.history")}</h2>
      {roll.history.length === 0 ? <p className="card muted">{t("collegium.roll.historyEmpty")}</p> : null}
      <div data-testid="history">
        {roll.history.map((group) => (
          <section key={group.year}>
            <h3>{t("collegium.roll.endedIn", { year: group.year })}</h3>
            <RollTable
              seats={group.seats}
              empty=""
              manage={manage}
              ended
              label={t("collegium.roll.endedIn", { year: group.year })}
            />
          </section>
        ))}
      </div>

      {meetings ? <BodyMeetings bodyId={body.id} data={meetings} /> : null}

      <VotingRulesForm
        quorumShare={body.quorumShare}
        majorityShare={body.majorityShare}
        canManage={canManage}
        errors={result?.intent === "rules" ? result.errors : {}}
      />

      {canManage ? (
        <div className="card">
          <h2>{t("collegium.actions.addTitle")}</h2>
          <AddMembershipForm
            key={seatCount}
            organizations={organizations}
            errors={result?.intent === "add" ? result.errors : {}}
          />
        </div>
      ) : null}
    </section>
  );
}
