import { describe, expect, it } from "vitest";
import { matchPeople } from "~/components/comments/mention-people";
import { toLatin } from "~/i18n/transliterate";

const people = [
  { id: "anahit", name: "Անահիտ Սարգսյան" },
  { id: "nino", name: "ნინო ბერიძე" },
  { id: "olga", name: "Ольга Смирнова" },
  { id: "karen", name: "Karen Grigoryan" },
];
const found = (query: string) => matchPeople(people, query).map((p) => p.id);

describe("@mentions find people by name in any script", () => {
  it("writes Armenian, Georgian and Russian names in Latin letters", () => {
    expect(toLatin("Անահիտ Սարգսյան")).toBe("anahit sargsyan");
    expect(toLatin("Հարությունյան")).toBe("harutyunyan");
    expect(toLatin("ნინო ბერიძე")).toBe("nino beridze");
    expect(toLatin("Ольга Смирнова")).toBe("olga smirnova");
  });

  it("finds a person by a Latin query whatever the script of the name", () => {
    expect(found("anahit")).toEqual(["anahit"]);
    expect(found("Sargs")).toEqual(["anahit"]);
    expect(found("beri")).toEqual(["nino"]);
    expect(found("smirn")).toEqual(["olga"]);
  });

  it("still finds a name in its own script, and a Latin name by a query in another script", () => {
    expect(found("Անահ")).toEqual(["anahit"]);
    expect(found("ნინ")).toEqual(["nino"]);
    expect(found("Карен")).toEqual(["karen"]);
    expect(found("zzz")).toEqual([]);
  });
});
