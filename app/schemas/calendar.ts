/**
 * Strict reading of the dates and times people type. `Date.UTC` rolls impossible values
 * over without a word (30 February becomes 2 March, 99:99 the next morning, month 13 next
 * January, year 0000 turns into 1900): a round would open on a day nobody chose. These
 * return null for anything that is not a real calendar moment, and the schemas turn that
 * into a message next to the field.
 */
export type LocalDateTime = { year: number; month: number; day: number; hour: number; minute: number; second: number };

/** Years a legal act's dates can be in; also keeps clear of two-digit-year handling. */
const FIRST_YEAR = 1000;
const LAST_YEAR = 9999;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1]!;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function validParts(parts: LocalDateTime): LocalDateTime | null {
  const { year, month, day, hour, minute, second } = parts;
  if (year < FIRST_YEAR || year > LAST_YEAR) return null;
  if (month < 1 || month > 12) return null;
  if (day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  return parts;
}

/** `YYYY-MM-DD` (an `<input type="date">` value). */
export function parseLocalDate(value: string): LocalDateTime | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  if (!match) return null;
  return validParts({ year: +match[1]!, month: +match[2]!, day: +match[3]!, hour: 0, minute: 0, second: 0 });
}

/** `YYYY-MM-DDTHH:MM[:SS]` (an `<input type="datetime-local">` value). */
export function parseLocalDateTime(value: string): LocalDateTime | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value.trim());
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0)) as number[];
  return validParts({ year: year!, month: month!, day: day!, hour: hour!, minute: minute!, second: second! });
}

/** The parts as if they were UTC (what a zone offset is then applied to). */
export function asUtcMillis(parts: LocalDateTime): number {
  const date = new Date(Date.UTC(2000, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second));
  date.setUTCFullYear(parts.year);
  return date.getTime();
}
