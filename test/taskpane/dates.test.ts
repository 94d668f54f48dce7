/** Dates in the UN editorial style and times in the reader's time zone. */
import { asOfExplained, dateAt, longDate, stampOf } from "../../src/taskpane/dates";

describe("dates and times in the pane", () => {
  it("writes dates as '1 December 2026'", () => {
    expect(longDate(new Date(Date.UTC(2026, 11, 1, 12)), "UTC")).toBe("1 December 2026");
  });

  it("reads the check's UTC time and gives it in the reader's time zone", () => {
    const at = stampOf("Last checked 2026-12-01 15:00 UTC, as of 2026: 2 errors, 0 warnings, 0 info.");
    if (!at) throw new Error("no time read");
    expect(dateAt(at, "Europe/Vienna")).toBe("1 December 2026 at 16:00 CET");
    expect(dateAt(at, "America/New_York")).toMatch(/^1 December 2026 at 10:00 (EST|GMT-5)$/);
    // Past midnight in the reader's zone, the date moves too.
    const late = stampOf("Last checked 2026-12-01 23:30 UTC.");
    expect(late && dateAt(late, "Asia/Tokyo")).toMatch(/^2 December 2026 at 08:30 (JST|GMT\+9)$/);
    expect(stampOf("Expected review ends used: cluster 1 2024.")).toBeNull();
  });

  it("reads the time as checks write it now, '1 December 2026, 15:00 UTC', and gives in the reader's time zone", () => {
    const at = stampOf("Last checked 1 December 2026, 23:30 UTC, as of 2026: 0 errors, 0 warnings, 0 info.");
    expect(at && dateAt(at, "Europe/Vienna")).toBe("2 December 2026 at 00:30 CET");
    const may = stampOf("Last checked 9 May 2027, 08:05 UTC.");
    expect(may && dateAt(may, "UTC")).toMatch(/^9 May 2027 at 08:05 /);
  });

  it("explains 'as of'", () => {
    expect(asOfExplained("Last checked 2026-12-01 15:00 UTC, as of 2026: 0 errors")).toBe(
      "As of 2026: meetings before 2026 with a blank status count as held.",
    );
    expect(asOfExplained("Not checked yet.")).toBeNull();
  });
});
