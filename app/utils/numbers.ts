/**
 * A whole number written in plain decimal digits within [min, max], or null. Number()
 * and parseInt accept "1e400", "0x10", "12abc" and numbers far past what a database
 * OFFSET takes (`page=99999999999999999999` was a 500); this accepts only what it says.
 */
export function boundedInt(raw: string | null | undefined, min: number, max: number): number | null {
  if (raw === null || raw === undefined || !/^-?\d{1,15}$/.test(raw.trim())) return null;
  const value = Number(raw.trim());
  return value >= min && value <= max ? value : null;
}
