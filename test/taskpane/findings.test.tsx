/** @jest-environment jsdom */
/**
 * Findings a planner can scan: the headline and fix, the detail that expands, the groups that
 * collapse with Fluent's severity icons, and one summary line that always matches the list.
 */
import "@testing-library/jest-dom";
import { render, screen, waitFor, within } from "@testing-library/react";
import { Header } from "../../src/taskpane/components/Header";
import { createFakeExcel } from "../support/fakeExcel";
import { openPane } from "../support/openPane";

describe("the findings", () => {
  it("lead with a headline and a fix; the explanation and source expand; groups collapse", async () => {
    const excel = createFakeExcel({ seed: "default" });
    excel.editCell("Clusters", "E3", 2032);
    const { user } = openPane(excel);
    const errors = await screen.findByRole("region", { name: "Errors (2)" });
    const [first] = within(errors).getAllByRole("listitem");
    expect(first).toHaveTextContent(/^15th meeting \(2028\): topic 6 is too early — earliest 2030/);
    const details = first?.querySelector("details");
    expect(details).not.toHaveAttribute("open");
    await user.click(within(first as HTMLElement).getByText("Details"));
    expect(details).toHaveAttribute("open");
    // One icon per group, hidden from screen readers (the heading says the severity).
    expect(errors.querySelectorAll("h2 svg[aria-hidden]").length).toBeGreaterThanOrEqual(2);

    const toggle = within(errors).getByRole("button", { name: "Errors (2)" });
    expect(toggle).toHaveAttribute("aria-expanded", "true");
    await user.click(toggle);
    expect(toggle).toHaveAttribute("aria-expanded", "false");
    expect(within(errors).queryAllByRole("listitem")).toHaveLength(0);
    await user.click(toggle);
    expect(within(errors).getAllByRole("listitem")).toHaveLength(2);
  });

  it("keep one summary line that matches the list, also after a co-author's change", async () => {
    const excel = createFakeExcel({ seed: "default" });
    openPane(excel);
    await screen.findByText("No conflicts");
    excel.editCell("Clusters", "E3", 2032, "Remote");
    const errors = await screen.findByRole("region", { name: "Errors (2)" }, { timeout: 3000 });
    expect(within(errors).getAllByRole("listitem")).toHaveLength(2);
    await waitFor(() =>
      expect(screen.getByText("2 errors, 0 warnings, 0 info in the workbook as it stands.")).toBeInTheDocument(),
    );
  });
});

describe("Office and UN conventions", () => {
  it("has no visible h1 repeating the title, the auto-check switch in the footer, the date in words", async () => {
    const excel = createFakeExcel({ seed: "default" });
    const { user, container } = openPane(excel);
    await user.click(await screen.findByRole("button", { name: "Check" }));
    await waitFor(() => expect(screen.getByRole("status")).toHaveTextContent("Check done"));
    // One h1, for screen readers' heading navigation, not seen: Office shows the title above the pane.
    const h1 = container.querySelectorAll("h1");
    expect(h1).toHaveLength(1);
    expect(h1[0]).toHaveStyle({ position: "absolute", width: "1px", height: "1px", overflow: "hidden" });
    expect(within(screen.getByRole("contentinfo")).getByRole("switch")).toHaveAccessibleName(
      "Re-check automatically after my edits",
    );
    const header = screen.getByRole("group", { name: "Last check" });
    expect(header).toHaveTextContent(/^Highlights written on 23 November 2026 at \d\d:\d\d \S+\./);
    expect(header).toHaveTextContent("As of 2026: meetings before 2026 with a blank status count as held.");
  });
});

describe("the last check's line", () => {
  const caption = (second: string) => [
    "Last checked 2026-11-23 17:50 UTC, as of 2026: 2 errors, 0 warnings, 0 info.",
    second,
  ];

  it("says when the highlights were written, never the counts or the expected ends the pane shows elsewhere", () => {
    render(<Header lines={caption("Expected review ends used: cluster 1 2024, cluster 2 2032.")} />);
    const header = screen.getByRole("group", { name: "Last check" });
    expect(header).toHaveTextContent(/^Highlights written on 23 November 2026 at \d\d:\d\d \S+\.As of 2026/);
    expect(header).not.toHaveTextContent(/errors|warnings|cluster/);
  });

  it("says when a check with what-if values wrote them: the highlights then follow the what-if", () => {
    const whatIf =
      "WHAT-IF CHECK: cluster 2's review end taken as 2032 (the Clusters table says 2030). " +
      "The workbook's tables are unchanged.";
    render(<Header lines={caption(whatIf)} />);
    expect(screen.getByRole("group", { name: "Last check" })).toHaveTextContent(whatIf);
  });
});
