import { dayEnd, dayStart } from "../../app/schemas/collegium";
import type { Tx } from "../../app/utils/db.server";
import { seedDemoMeetings } from "./meetings";

/**
 * The collegium attached to the Minister of Territorial Administration (seed 003): the
 * Minister chairs it, a deputy minister deputises, a ministry lawyer keeps the minutes, and
 * the heads of three partner associations sit on it. One former member shows the history.
 */
type Ids = { org: (key: string) => string; user: (email: string) => string };

const ORDER_2025 = "ՀՀ տարածքային կառավարման նախարարի 2025 թվականի հունվարի 10-ի N 15-Ա հրաման";
const ORDER_2021 = "ՀՀ տարածքային կառավարման նախարարի 2021 թվականի դեկտեմբերի 24-ի N 112-Ա հրաման";

export async function seedDemoCollegium(tx: Tx, ids: Ids): Promise<void> {
  const body = await tx.collegiumBody.create({
    data: {
      organizationId: ids.org("mta"),
      nameHy: "ՀՀ տարածքային կառավարման նախարարին կից կոլեգիա",
      nameRu: "Коллегия при министре территориального управления РА",
      nameKa: "სომხეთის ტერიტორიული მმართველობის მინისტრთან არსებული კოლეგია",
      nameEn: "Collegium attached to the Minister of Territorial Administration",
    },
  });
  const since = dayStart("2025-01-15");
  const seats = [
    { personName: "Արտակ Պողոսյան", org: "mta", position: "ՀՀ տարածքային կառավարման նախարար", role: "CHAIR" },
    { personName: "Լուսինե Մանուկյան", org: "mta", position: "Նախարարի տեղակալ", role: "DEPUTY_CHAIR" },
    { email: "gor@mta.example", org: "mta", position: "Իրավաբանական վարչության գլխավոր մասնագետ", role: "SECRETARY" },
    { email: "armen@ucfo.example", org: "ucfo", position: "Միավորման նախագահ", role: "MEMBER" },
    { email: "karen@aca.example", org: "aca", position: "Ասոցիացիայի նախագահ", role: "MEMBER" },
    { email: "tigran@uca.example", org: "uca", position: "Միության գործադիր տնօրեն", role: "MEMBER" },
  ] as const;
  for (const seat of seats) {
    const userId = "email" in seat ? ids.user(seat.email) : null;
    const user = userId ? await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { name: true } }) : null;
    await tx.collegiumMembership.create({
      data: {
        bodyId: body.id,
        userId,
        personName: user?.name ?? ("personName" in seat ? seat.personName : ""),
        organizationId: ids.org(seat.org),
        position: seat.position,
        role: seat.role,
        termStart: since,
        appointedBy: ORDER_2025,
      },
    });
  }
  // A former member whose term ended before the present roll was appointed.
  await tx.collegiumMembership.create({
    data: {
      bodyId: body.id,
      personName: "Սամվել Հարությունյան",
      organizationId: ids.org("uca"),
      position: "Միության նախագահ",
      role: "MEMBER",
      termStart: dayStart("2022-01-01"),
      termEnd: dayEnd("2024-12-31"),
      appointedBy: ORDER_2021,
    },
  });
  await seedDemoMeetings(tx, body.id, ids.org("mta"), ids.user("gor@mta.example"));
}
