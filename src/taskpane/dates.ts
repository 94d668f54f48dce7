/**
 * Dates and times as the pane shows them: UN editorial style ("1 December 2026") and times in
 * the user's time zone. The workbook keeps the check's time in UTC ("1 December 2026, 15:00 UTC", the
 * same for every co-author and the command line); the pane rewrites it for the reader.
 */

import { message } from "./messages";

/** "1 December 2026, 15:00 UTC", or as versions before wrote it, "2026-12-01 15:00 UTC". */
const STAMP = /(?:(\d{4})-(\d\d)-(\d\d)|(\d\d?) ([A-Z][a-z]+) (\d{4}),) (\d\d):(\d\d) UTC/;
const MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec";

/** "1 December 2026" */
export function longDate(date: Date, timeZone?: string): string {
  return new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone }).format(date);
}

/** "16:00 CET" — the time in the reader's time zone (or `timeZone`), with the zone's short name. */
export function localTime(date: Date, timeZone?: string): string {
  return new Intl.DateTimeFormat("en-GB", {
    hour: "2-digit",
    minute: "2-digit",
    hour12: false,
    timeZone,
    timeZoneName: "short",
  }).format(date);
}

/** When the check that wrote the line ran (its "2026-12-01 15:00 UTC"), or null when the line has no such time. */
export function stampOf(line: string): Date | null {
  const match = STAMP.exec(line);
  if (!match) return null;
  const [, y, mo, d, day, month, year, h, mi] = match;
  const index = month ? MONTHS.indexOf(month.slice(0, 3)) / 3 : Number(mo) - 1;
  return new Date(Date.UTC(Number(year ?? y), index, Number(day ?? d), Number(h), Number(mi)));
}

/** "1 December 2026 at 16:00 CET" */
export function dateAt(date: Date, timeZone?: string): string {
  return message("date.at", { date: longDate(date, timeZone), time: localTime(date, timeZone) });
}

/** What "as of 2026" in the last check's line means, or null when the line has none. */
export function asOfExplained(line: string): string | null {
  const year = /\bas of (\d{4})\b/.exec(line)?.[1];
  return year ? message("date.asOf", { year }) : null;
}
