/** @jest-environment jsdom */
/**
 * The timeline at a glance: what it draws and says for the adopted plan, the keyboard (one tab
 * stop, the arrow keys, Home and End move between the meetings and say which is in focus), its
 * text alternative, and, in the whole pane against the fake Excel, how it follows the Clusters
 * and Meetings what-ifs and shows the proposal next to the current plan.
 */
import "@testing-library/jest-dom";
import { act, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { checkWorkbook } from "../../src/domain/check";
import { adoptedWorkbook } from "../../src/domain/defaults";
import type { ChartPlan } from "../../src/domain/timelineChart";
import { whatIf } from "../../src/domain/whatIf";
import { TimelineChart } from "../../src/taskpane/components/TimelineChart";
import { createFakeExcel } from "../support/fakeExcel";
import { openPane } from "../support/openPane";

const NOW = { currentYear: 2026 };

/** The plans the pane would give the chart: the workbook with the what-if, and the proposal when asked. */
function plansFor(options: { expectedEnd?: Map<number, number>; cancel?: Set<number> }, proposal = false) {
  const tables = adoptedWorkbook();
  const preview = whatIf(tables, { ...NOW, ...options }, checkWorkbook(tables, NOW));
  if (!preview.check.plan) throw new Error("unreadable");
  const plans: ChartPlan[] = [{ plan: preview.check.plan, findings: preview.check.findings }];
  if (proposal && preview.proposal?.feasible) plans.push(preview.proposal);
  return plans;
}

const chart = () => screen.getByRole("group", { name: "Timeline" });
/** The text alternative: every line of the visually hidden list. */
const lines = () => Array.from(document.querySelectorAll("section ul li")).map((li) => li.textContent);
const live = (container: HTMLElement) => container.querySelector('[aria-live="polite"]');
/** The shape of each meeting's marker (its outline and whether it is filled), in the order drawn. */
const shapes = (container: HTMLElement) =>
  Array.from(container.querySelectorAll("svg g[transform] > path")).map(
    (p) => `${p.getAttribute("d")} ${p.getAttribute("fill")}`,
  );

describe("the timeline chart", () => {
  it("says in its text alternative each cluster's review period and each meeting's year, topic and status", () => {
    render(<TimelineChart plans={plansFor({ expectedEnd: new Map([[2, 2032]]), cancel: new Set([17]) })} />);
    expect(screen.getByRole("heading", { name: "Timeline" })).toBeInTheDocument();
    expect(lines()).toEqual([
      "Cluster 1: review from 2021, planned end 2024, expected end 2024",
      "Cluster 2: review from 2027, planned end 2030, expected end 2032",
      "Cluster 3: review from 2025, planned end 2028, expected end 2028",
      "Cluster 4: review from 2023, planned end 2026, expected end 2026",
      "10th meeting, 2023: topic 1, held",
      "11th meeting, 2024: topic 2, held",
      "12th meeting, 2025: topic 3, held",
      "13th meeting, 2026: topic 4, planned",
      "14th meeting, 2027: topic 5, planned",
      "15th meeting, 2028: topic 6, in conflict",
      "16th meeting, 2029: topic 7, in conflict",
      "17th meeting, 2030: topic 8, cancelled",
      "18th meeting, 2031: topic 9, planned",
      "19th meeting, 2032: topic 10, planned",
    ]);
  });

  it("draws each status with its own shape, not colour alone, and shades the first conflict's topic", () => {
    const { container } = render(
      <TimelineChart plans={plansFor({ expectedEnd: new Map([[2, 2032]]), cancel: new Set([17]) })} />,
    );
    const drawn = shapes(container);
    expect(drawn).toHaveLength(10);
    // Held (10th to 12th), planned (13th), in conflict (15th, 16th), cancelled (17th): four shapes, one a status.
    const [held, , , planned, , conflict, , cancelled] = drawn;
    expect(new Set([held, planned, conflict, cancelled]).size).toBe(4);
    expect(new Set(drawn).size).toBe(4);
    expect(drawn[1]).toBe(held);
    expect(drawn[6]).toBe(conflict);
    expect(screen.getByText("Shaded: acceptable years for topic 6, 2030 to 2033.")).toBeInTheDocument();
    expect(screen.getByText("● held ○ planned ◇ no fixed topic × cancelled ▲ in conflict")).toBeInTheDocument();
  });

  it("is one tab stop; the arrow keys, Home and End move between the meetings, show the focus and say it", async () => {
    const user = userEvent.setup();
    const { container } = render(
      <>
        <button>Before</button>
        <TimelineChart plans={plansFor({ expectedEnd: new Map([[2, 2032]]) })} />
        <button>After</button>
      </>,
    );
    await user.click(screen.getByRole("button", { name: "Before" }));
    await user.tab();
    expect(chart()).toHaveFocus();
    expect(container.querySelector("svg g[transform] rect")).toBeNull();

    await user.keyboard("{ArrowRight}");
    expect(live(container)).toHaveTextContent("10th meeting, 2023: topic 1, held.");
    // The focus is drawn: a frame around the meeting in focus, and only there.
    expect(container.querySelectorAll("svg g[transform] rect")).toHaveLength(1);
    expect(container.querySelector("svg g[transform]")?.querySelector("rect")).not.toBeNull();
    // Topic 1 (cluster 1 ended in 2024): its acceptable years are shaded instead of the first conflict's.
    expect(screen.getByText(/Shaded: acceptable years for topic 1, 2022 to 2025\./)).toBeInTheDocument();

    await user.keyboard("{ArrowRight}{ArrowRight}{ArrowRight}{ArrowRight}{ArrowRight}");
    expect(live(container)).toHaveTextContent("15th meeting, 2028: topic 6, in conflict.");
    await user.keyboard("{ArrowLeft}");
    expect(live(container)).toHaveTextContent("14th meeting, 2027: topic 5, planned.");
    await user.keyboard("{End}");
    expect(live(container)).toHaveTextContent("19th meeting, 2032: topic 10, planned.");
    await user.keyboard("{ArrowRight}");
    expect(live(container)).toHaveTextContent("19th meeting, 2032: topic 10, planned.");
    await user.keyboard("{Home}");
    expect(live(container)).toHaveTextContent("10th meeting, 2023: topic 1, held.");

    // The meetings are not tab stops of their own: Tab leaves the chart.
    await user.tab();
    expect(screen.getByRole("button", { name: "After" })).toHaveFocus();
  });

  it("shows the proposal as a second row, each meeting said as current or proposed", async () => {
    const user = userEvent.setup();
    const { container } = render(<TimelineChart plans={plansFor({ expectedEnd: new Map([[2, 2032]]) }, true)} />);
    expect(lines()).toEqual(
      expect.arrayContaining([
        "Current: 15th meeting, 2028: topic 6, in conflict",
        "Proposed: 15th meeting, 2028: no fixed topic (flexible topic only), planned",
        "Proposed: 17th meeting, 2030: topic 6, planned",
        "Proposed: 21st meeting, 2034: topic 10, planned",
      ]),
    );
    expect(shapes(container)).toHaveLength(10 + 12);
    chart().focus();
    await user.keyboard("{End}");
    expect(live(container)).toHaveTextContent("Proposed: 21st meeting, 2034: topic 10, planned.");
  });
});

describe("the timeline chart at the pane's width", () => {
  const years = (container: HTMLElement) =>
    Array.from(container.querySelectorAll("svg text"))
      .map((t) => t.textContent ?? "")
      .filter((t) => /^\d{4}$/.test(t))
      .map(Number);
  /** Each marker's centre across and its scale, row by row (the rows' y), in the order drawn. */
  const markers = (container: HTMLElement) =>
    Array.from(container.querySelectorAll("svg g[transform]")).map((g) => {
      const [x = 0, y = 0] =
        /translate\(([\d.]+) ([\d.]+)\)/
          .exec(g.getAttribute("transform") ?? "")
          ?.slice(1)
          .map(Number) ?? [];
      const scale = Number(
        /scale\(([\d.]+)\)/.exec(g.querySelector("path")?.getAttribute("transform") ?? "")?.[1] ?? 1,
      );
      return { x, y, scale };
    });
  let width = 296;
  const original = globalThis.ResizeObserver;
  beforeEach(() => {
    // The pane's width as the browser measures it: jsdom lays nothing out.
    globalThis.ResizeObserver = class {
      constructor(private readonly callback: ResizeObserverCallback) {}
      observe(target: Element) {
        const entry = { target, contentRect: { width } } as unknown as ResizeObserverEntry;
        this.callback([entry], this as unknown as ResizeObserver);
      }
      unobserve() {}
      disconnect() {}
    } as unknown as typeof ResizeObserver;
  });
  afterEach(() => {
    globalThis.ResizeObserver = original;
  });

  it("draws one unit a pixel at the pane's width, its labels at Fluent's caption size (12 px)", () => {
    for (width of [296, 426]) {
      const { container, unmount } = render(<TimelineChart plans={plansFor({})} />);
      const svg = container.querySelector("svg") as SVGSVGElement;
      expect(svg.getAttribute("viewBox")).toMatch(new RegExp(`^0 0 ${width} `));
      expect(Number(svg.querySelector("g")?.getAttribute("font-size"))).toBeGreaterThanOrEqual(11);
      // Each year's label (about 28 px wide at 12 px, centred on its year) inside the drawing.
      const centres = Array.from(svg.querySelectorAll("text[text-anchor='middle']")).map((t) =>
        Number(t.getAttribute("x")),
      );
      expect(Math.max(...centres) + 14).toBeLessThanOrEqual(width);
      unmount();
    }
  });

  it("with a 15-year slip proposed, labels the years on both sides of every meeting, and no markers touch", () => {
    width = 296;
    const { container } = render(<TimelineChart plans={plansFor({ expectedEnd: new Map([[2, 2045]]) }, true)} />);
    const labelled = years(container);
    const drawn = markers(container);
    const meetingYears = lines()
      .map((line) => /, (\d{4}):/.exec(line ?? "")?.[1])
      .filter(Boolean)
      .map(Number);
    expect(Math.max(...meetingYears)).toBeGreaterThanOrEqual(2047);
    expect(Math.min(...labelled)).toBeLessThanOrEqual(Math.min(...meetingYears));
    expect(Math.max(...labelled)).toBeGreaterThanOrEqual(Math.max(...meetingYears));
    for (const [i, m] of drawn.entries()) {
      const next = drawn[i + 1];
      // The widest shape (the triangle, the diamond) is 10 units across before scaling.
      if (next && next.y === m.y) expect(next.x - m.x).toBeGreaterThanOrEqual(10 * m.scale + 1);
    }
  });

  it("marks a proposed meeting left without a fixed topic with its own shape, and says so", () => {
    const { container } = render(<TimelineChart plans={plansFor({ expectedEnd: new Map([[2, 2032]]) }, true)} />);
    const drawn = shapes(container);
    const said = lines().filter((line) => !/^Cluster/.test(line ?? ""));
    const open = said.indexOf("Proposed: 15th meeting, 2028: no fixed topic (flexible topic only), planned");
    const planned = said.indexOf("Proposed: 17th meeting, 2030: topic 6, planned");
    expect(open).toBeGreaterThan(-1);
    expect(drawn[open]).not.toBe(drawn[planned]);
    // Neither held (the 10th meeting, drawn first) nor planned nor in conflict (the current row's 15th).
    expect(drawn[open]).not.toBe(drawn[0]);
    expect(drawn[open]).not.toBe(drawn[said.indexOf("Current: 15th meeting, 2028: topic 6, in conflict")]);
    expect(screen.getByText(/◇ no fixed topic/)).toBeInTheDocument();
  });
});

describe("the timeline in the pane", () => {
  it("follows the Clusters and Meetings what-ifs and shows the proposal before and after", async () => {
    const excel = createFakeExcel({ seed: "default" });
    const { user } = openPane(excel);
    const spin = await screen.findByRole("spinbutton", { name: "Expected review end of cluster 2" });
    expect(lines()).toContain("15th meeting, 2028: topic 6, planned");

    await user.click(spin);
    await user.keyboard("{ArrowUp}{ArrowUp}");
    expect(lines()).toContain("Cluster 2: review from 2027, planned end 2030, expected end 2032");
    expect(lines()).toContain("15th meeting, 2028: topic 6, in conflict");

    await user.click(screen.getByRole("checkbox", { name: "Cancel the 18th meeting (2031)" }));
    expect(lines()).toContain("18th meeting, 2031: topic 9, cancelled");
    await user.click(screen.getByRole("checkbox", { name: "Cancel the 18th meeting (2031)" }));

    await user.click(screen.getByRole("button", { name: "Propose timeline" }));
    const timeline = screen.getByRole("heading", { name: "Timeline" }).closest("section") as HTMLElement;
    expect(within(timeline).getByText("Proposed: 21st meeting, 2034: topic 10, planned")).toBeInTheDocument();
    expect(within(timeline).getByText("Current: 16th meeting, 2029: topic 7, in conflict")).toBeInTheDocument();
  });

  it("shows the meeting and the topic's acceptable years of the finding in focus in the list", async () => {
    const excel = createFakeExcel({ seed: "default" });
    excel.editCell("Clusters", "E3", 2032, "Local");
    const { user } = openPane(excel);
    const goTo16 = await screen.findByRole("button", { name: "Go to the 16th meeting, agenda item 3" });
    const timeline = screen.getByRole("heading", { name: "Timeline" }).closest("section") as HTMLElement;
    const shaded = () => /Shaded: [^.]*\./.exec(timeline.textContent ?? "")?.[0];
    // Before any focus: the first conflict's topic.
    expect(shaded()).toBe("Shaded: acceptable years for topic 6, 2030 to 2033.");
    expect(timeline.querySelectorAll('svg rect[stroke-width="2"]')).toHaveLength(0);

    act(() => goTo16.focus());
    expect(shaded()).toMatch(/^Shaded: acceptable years for topic 7, /);
    // The 16th meeting's marker framed (the seventh, from the 10th meeting), as the arrow keys would frame it.
    const framed = () =>
      Array.from(timeline.querySelectorAll("svg g[transform]")).map((g) => !!g.querySelector("rect"));
    expect(framed().indexOf(true)).toBe(6);
    expect(framed().filter(Boolean)).toHaveLength(1);
    // Nothing said aloud: the screen reader is reading the finding.
    expect(live(timeline)?.textContent).toBe("");

    // The details of the 15th meeting's finding: its topic again.
    const first = screen.getByRole("button", { name: "Go to the 15th meeting, agenda item 3" }).closest("li");
    act(() => (first?.querySelector("summary") as HTMLElement).focus());
    expect(shaded()).toBe("Shaded: acceptable years for topic 6, 2030 to 2033.");

    // The chart's own arrow keys take over.
    chart().focus();
    await user.keyboard("{Home}");
    expect(live(timeline)?.textContent).toBe("10th meeting, 2023: topic 1, held. ");
  });
});
