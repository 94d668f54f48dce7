/** @jest-environment jsdom */
/**
 * The slip what-if, the proposal and applying it, in the task pane against the fake Excel through
 * the real adapter: spin cluster 2 two years later, see the two errors that would appear, propose,
 * write the proposal sheet, apply after the confirmation, and the check comes back clean.
 */
import "@testing-library/jest-dom";
import { screen, waitFor, within } from "@testing-library/react";
import { put, recordSyncs, sheet, valueAt, valuesIn } from "../support/fakeExcel";
import { forEachHost } from "../support/hosts";
import { officeWith, openPane, type PaneUser } from "../support/openPane";

const spin = (cluster: number) =>
  screen.findByRole("spinbutton", { name: `Expected review end of cluster ${cluster}` });

/** Presses the arrow key `times` on the cluster's spin button, as a keyboard user does. */
async function spinBy(user: PaneUser, cluster: number, times: number): Promise<void> {
  const input = await spin(cluster);
  await user.click(input);
  for (let i = 0; i < Math.abs(times); i++) await user.keyboard(times > 0 ? "{ArrowUp}" : "{ArrowDown}");
}

describe("the Clusters panel", () => {
  it("lists each cluster with its planned end, its expected end in a spin button and the slip", async () => {
    const excel = officeWith();
    openPane(excel);
    const two = await spin(2);
    expect(two).toHaveValue("2030");
    const item = two.closest("li") as HTMLElement;
    expect(item).toHaveTextContent("Cluster 2 · Prevention");
    expect(item).toHaveTextContent("Planned 2030 · on time");
    expect(screen.getAllByRole("spinbutton")).toHaveLength(4);
    // Save and Reset do not apply while nothing differs from the workbook: disabled and out of the tab order.
    for (const name of ["Save expected dates", "Reset"]) {
      expect(screen.getByRole("button", { name })).toBeDisabled();
      expect(screen.getByRole("button", { name })).not.toHaveAttribute("tabindex", "0");
    }
  });

  it(
    "shows, without asking Excel, the findings a slip " + "makes appear; Reset brings back the workbook's dates",
    async () => {
      const excel = officeWith();
      const { user } = openPane(excel);
      await spin(2);
      const syncs = excel.syncs;

      await spinBy(user, 2, 2);
      expect(await spin(2)).toHaveValue("2032");
      expect((await spin(2)).closest("li")).toHaveTextContent("Planned 2030 · +2 years");
      const diff = screen.getByRole("group", { name: "What the slip changes" });
      const appear = within(diff).getByRole("region", { name: "Would appear (2)" });
      const items = within(appear).getAllByRole("listitem");
      expect(items.map((li) => li.textContent)).toEqual([
        expect.stringMatching(/error · cluster-too-early · Workplan!E7$/),
        expect.stringMatching(/error · cluster-too-early · Workplan!E8$/),
      ]);
      expect(items[0]).toHaveTextContent(/expected to end in 2032/);
      // Every step re-ran the check and the proposal in memory: Excel saw no request.
      expect(excel.syncs).toBe(syncs);

      await user.click(screen.getByRole("button", { name: "Reset" }));
      expect(await spin(2)).toHaveValue("2030");
      expect(screen.queryByRole("group", { name: "What the slip changes" })).toBeNull();
      expect(excel.syncs).toBe(syncs);
    },
  );

  forEachHost((host) => {
    it(
      "Save expected dates writes the Clusters table, then " + "checks: the findings of the slip are in the workbook",
      async () => {
        const excel = officeWith();
        const { user } = openPane(excel);
        await spinBy(user, 2, 2);
        await user.click(screen.getByRole("button", { name: "Save expected dates" }));
        expect(
          await screen.findByText(
            /Saved to the Clusters table: Cluster 2 "Prevention": expected review end 2030 → 2032 \(\+2 years\)/,
          ),
        ).toBeInTheDocument();
        expect(valueAt(sheet(excel.model, "Clusters"), 3, 5)).toBe(2032);
        expect(await screen.findByRole("region", { name: "Errors (2)" })).toBeInTheDocument();
        // The workbook now holds the dates: nothing is a what-if any more.
        expect(await spin(2)).toHaveValue("2032");
        expect(screen.queryByRole("group", { name: "What the slip changes" })).toBeNull();
        expect(sheet(excel.model, "Workplan").conditionalFormats).toHaveLength(6);
        // This workbook was never checked: the check that follows the save adds the very hidden helper
        // sheets, which clears the planner's undo history on Windows and Mac, and only there.
        expect(excel.undoCleared > 0).toBe(host.platform !== "OfficeOnline");
      },
    );
  });
});

describe("a long slip", () => {
  it("warns when the proposal appends more than two meetings", async () => {
    const excel = officeWith();
    const { user } = openPane(excel);
    await spinBy(user, 2, 12);
    await user.click(await screen.findByRole("button", { name: "Propose timeline" }));
    expect(await screen.findByText(/^This proposal adds \w+ meetings, up to 20\d\d/)).toBeInTheDocument();
  });
});

describe("the Meetings what-if", () => {
  it(
    "cancels a planned meeting for the what-if only: the findings it brings appear under the controls, politely " +
      "announced, and Apply is not offered",
    async () => {
      const excel = officeWith();
      const { user } = openPane(excel);
      const state = JSON.stringify(excel.model.state());
      const meetings = await screen.findByRole("region", { name: "Meetings" });
      expect(within(meetings).queryByRole("checkbox", { name: /10th meeting/ })).toBeNull();
      await user.click(within(meetings).getByRole("checkbox", { name: "Cancel the 19th meeting (2032)" }));
      const diff = await screen.findByRole("group", { name: "What the slip changes" });
      expect(within(diff).getByText(/^\d+ findings? would appear, 0 would disappear\.$/)).toHaveAttribute(
        "aria-live",
        "polite",
      );
      expect(within(diff).getByRole("region", { name: /^Would appear/ })).toHaveTextContent(/meeting-cancelled/);
      await user.click(screen.getByRole("button", { name: "Propose timeline" }));
      await screen.findByRole("button", { name: "Write proposal for the Bureau" });
      // The 19th meeting appended in 2032 replaces the cancelled one: the outcome says so, not "would keep…".
      expect(
        screen.getByText(
          "The workplan would still end in 2032: one meeting appended in place of a cancelled one, and one topic " +
            "moves to another meeting.",
        ),
      ).toBeInTheDocument();
      expect(screen.queryByText(/would keep its meetings/)).toBeNull();
      expect(screen.queryByRole("button", { name: "Apply to workplan" })).toBeNull();
      expect(screen.getByText(/^Apply is not offered for a what-if with cancelled meetings/)).toBeInTheDocument();
      // Nothing was written.
      expect(JSON.stringify(excel.model.state())).toBe(state);
    },
  );
});

describe("the proposal", () => {
  it(
    "slip cluster 2 by two years → propose → the 20th and 21st meetings appended → write the sheet → apply after " +
      "confirming → the grid changed and the check is clean",
    async () => {
      const excel = officeWith();
      const { user } = openPane(excel);
      await spinBy(user, 2, 2);
      await screen.findByRole("region", { name: "Would appear (2)" });
      // Beside the spin button, what its slip does.
      expect((await spin(2)).closest("li")).toHaveTextContent("Planned 2030 · +2 years · +2 conflicts");

      await user.click(screen.getByRole("button", { name: "Propose timeline" }));
      const table = await screen.findByRole("table", { name: "Changes to the fixed topics" });
      const rows = within(table).getAllByRole("row");
      const appended = rows.filter((row) => row.textContent?.includes("appended"));
      expect(appended.map((row) => row.textContent)).toEqual([
        "20thappended2033added, topic 9, Security and preventive measures",
        "21stappended2034added, topic 10, Training and technical assistance",
      ]);
      // The arrow is for the eyes; a screen reader hears "becomes".
      const moved = rows.find((row) => row.textContent?.includes("becomes")) as HTMLElement;
      expect(within(moved).getByText("→", { normalizer: (text) => text.trim() })).toHaveAttribute(
        "aria-hidden",
        "true",
      );
      expect(
        screen.getByText(/^The workplan would end in 2034 instead of 2032: two more meetings/),
      ).toBeInTheDocument();
      // The solver's words only in the details.
      expect(screen.getByText("How the proposal was chosen")).toBeInTheDocument();
      expect(screen.getByText(/^2 meetings appended, 0 inversions of the topic order/)).toBeInTheDocument();
      expect(table).not.toHaveTextContent(/cluster-too-early:|last-topic:/);
      expect(screen.queryByText(/^This proposal adds/)).toBeNull();
      expect(screen.getByText("After the change: 0 errors, 0 warnings, 0 info.")).toBeInTheDocument();

      const before = recordSyncs(excel);
      await user.click(screen.getByRole("button", { name: "Write proposal for the Bureau" }));
      expect(await screen.findByText(/Wrote the sheet “Proposal 2026-11-23” for the Bureau/)).toBeInTheDocument();
      expect(before).toEqual([["read", "write"]]);
      expect(excel.model.sheet("Proposal 2026-11-23")).not.toBeNull();
      expect(excel.model.table("Workplan")?.area.bottom).toBe(11);

      await user.click(screen.getByRole("button", { name: "Apply to workplan" }));
      const dialog = await screen.findByRole("alertdialog", { name: "Apply the proposal to the workplan?" });
      const changes = within(dialog)
        .getAllByRole("listitem")
        .map((li) => li.textContent);
      // Seen with an arrow, heard as "becomes".
      expect(changes[0]).toBe('Cluster 2 "Prevention": expected review end 2030 → becomes 2032 (+2 years)');
      expect(changes).toContain("Add the 21st meeting (2034) with topic 10");
      await user.click(within(dialog).getByRole("button", { name: "Apply" }));

      expect(await screen.findByText("No conflicts")).toBeInTheDocument();
      expect(
        screen.getByText(
          /^Applied the proposal: \d+ fixed topics changed, 2 meetings appended, 1 expected review end saved\./,
        ),
      ).toBeInTheDocument();
      const workplan = sheet(excel.model, "Workplan");
      expect(excel.model.table("Workplan")?.area.bottom).toBe(13);
      expect(valuesIn(workplan, "A13:B13")).toEqual([[21, 2034]]);
      expect(String(valueAt(workplan, 13, 5))).toMatch(/^10 — /);
      expect(valueAt(sheet(excel.model, "Clusters"), 3, 5)).toBe(2032);
      // Once the dialog has gone, the pane is in the accessibility tree again (Fluent restores it a moment later).
      await waitFor(() => expect(screen.getByRole("status")).toHaveTextContent("Applied and checked: no conflicts."));
    },
  );

  it(
    "puts the Bureau first: writing the proposal is the primary action, Apply the step after the Bureau agreed, " +
      "its confirmation focused on Cancel",
    async () => {
      const excel = officeWith();
      const { user } = openPane(excel);
      await spinBy(user, 2, 2);
      await user.click(await screen.findByRole("button", { name: "Propose timeline" }));
      const write = await screen.findByRole("button", { name: "Write proposal for the Bureau" });
      const apply = screen.getByRole("button", { name: "Apply to workplan" });
      // Check steps back while the proposal is shown: one primary button in the view (the e2e test looks at the
      // colours).
      expect(write.compareDocumentPosition(apply) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
      expect(apply).toHaveAccessibleDescription(
        "After the extended Bureau has agreed to the proposal (para. 49), apply it to the Workplan table:",
      );
      await user.click(apply);
      const dialog = await screen.findByRole("alertdialog");
      expect(within(dialog).getByRole("button", { name: "Cancel" })).toHaveFocus();
      expect(dialog).toHaveTextContent(/Undo apply in this pane writes it back exactly, until the next Apply\./);
    },
  );

  forEachHost((host) => {
    it(
      "Undo apply, offered after Apply (also in a pane opened " +
        "later), restores the grid exactly, then is no longer offered",
      async () => {
        const excel = officeWith();
        const original = JSON.stringify(excel.model.table("Workplan")?.area);
        const grid = () => JSON.stringify(valuesIn(sheet(excel.model, "Workplan"), "A1:F14"));
        const clusters = () => JSON.stringify(valuesIn(sheet(excel.model, "Clusters"), "A1:E6"));
        const before = { workplan: grid(), clusters: clusters() };
        const { user } = openPane(excel);
        expect(screen.queryByRole("button", { name: "Undo apply" })).toBeNull();
        await spinBy(user, 2, 2);
        await user.click(await screen.findByRole("button", { name: "Propose timeline" }));
        await user.click(await screen.findByRole("button", { name: "Apply to workplan" }));
        await user.click(within(await screen.findByRole("alertdialog")).getByRole("button", { name: "Apply" }));
        await screen.findByText("No conflicts");
        // This workbook was never checked: Apply's check adds the very hidden helper sheets, which clears
        // the undo history on Windows and Mac, and only there; undoing the apply does not clear it again.
        const cleared = excel.undoCleared;
        expect(cleared > 0).toBe(host.platform !== "OfficeOnline");
        expect(grid()).not.toBe(before.workplan);
        // The previous grid is kept on the product's very-hidden sheet, in the same write.
        expect(excel.model.sheet("WorkplanLists")?.visibility).toBe("VeryHidden");
        expect(valueAt(sheet(excel.model, "WorkplanLists"), 1, 9)).toMatch(/^Workplan Checker: the workplan before/);

        // Another pane, opened later, offers it too: the workbook keeps what Apply changed.
        document.body.innerHTML = "";
        const { user: again } = openPane(excel);
        await again.click(await screen.findByRole("button", { name: "Undo apply" }));
        expect(
          await screen.findByText(
            /^The apply was undone: the workplan is back as it was before it \(\d+ cells written back\)\./,
          ),
        ).toBeInTheDocument();
        await waitFor(() => expect(screen.getByRole("status")).toHaveTextContent("Apply undone and checked"));
        expect(grid()).toBe(before.workplan);
        expect(clusters()).toBe(before.clusters);
        expect(JSON.stringify(excel.model.table("Workplan")?.area)).toBe(original);
        expect(screen.queryByRole("button", { name: "Undo apply" })).toBeNull();
        expect(excel.undoCleared).toBe(cleared);
      },
    );
  });

  it("Undo apply refuses, naming the cell, when a cell Apply wrote was changed since", async () => {
    const excel = officeWith();
    const { user } = openPane(excel);
    await spinBy(user, 2, 2);
    await user.click(await screen.findByRole("button", { name: "Propose timeline" }));
    await user.click(await screen.findByRole("button", { name: "Apply to workplan" }));
    await user.click(within(await screen.findByRole("alertdialog")).getByRole("button", { name: "Apply" }));
    await screen.findByText("No conflicts");
    put(sheet(excel.model, "Workplan"), 13, 5, "9");
    await user.click(await screen.findByRole("button", { name: "Undo apply" }));
    const bar = await screen.findByRole("group", { name: "Could not undo the apply" });
    expect(bar).toHaveTextContent("Workplan!E13 has changed since Apply");
    expect(valueAt(sheet(excel.model, "Workplan"), 13, 5)).toBe("9");
    expect(excel.model.table("Workplan")?.area.bottom).toBe(13);
  });

  it("Cancel in the confirmation changes nothing", async () => {
    const excel = officeWith();
    const { user } = openPane(excel);
    await spinBy(user, 2, 1);
    await user.click(await screen.findByRole("button", { name: "Propose timeline" }));
    await user.click(await screen.findByRole("button", { name: "Apply to workplan" }));
    const state = JSON.stringify(excel.model.state());
    await user.click(within(await screen.findByRole("alertdialog")).getByRole("button", { name: "Cancel" }));
    await waitFor(() => expect(screen.queryByRole("alertdialog")).toBeNull());
    expect(JSON.stringify(excel.model.state())).toBe(state);
  });

  it("refuses to apply a proposal whose plan changed meanwhile, and says to propose again", async () => {
    const excel = officeWith();
    const { user } = openPane(excel);
    await spinBy(user, 2, 2);
    await user.click(await screen.findByRole("button", { name: "Propose timeline" }));
    // A change Excel has not reported to the pane: the 17th meeting gets topic 7 instead of 8.
    put(sheet(excel.model, "Workplan"), 9, 5, "7");
    await user.click(await screen.findByRole("button", { name: "Apply to workplan" }));
    await user.click(within(await screen.findByRole("alertdialog")).getByRole("button", { name: "Apply" }));
    const bar = await screen.findByRole("group", { name: "Could not apply the proposal" });
    expect(bar).toHaveTextContent("Propose the timeline again");
    expect(excel.model.table("Workplan")?.area.bottom).toBe(11);
  });

  it("when no clean plan exists, says why and which setting would allow one", async () => {
    const excel = officeWith();
    const { user } = openPane(excel);
    await spinBy(user, 2, -4);
    await user.click(await screen.findByRole("button", { name: "Propose timeline" }));
    expect(await screen.findByText("No clean timeline exists")).toBeInTheDocument();
    expect(screen.getByText(/must all be discussed between/)).toBeInTheDocument();
    expect(screen.getByRole("list", { name: "What would allow one" })).toHaveTextContent(
      "Setting “Latest (years after review end)” to 5 would allow one.",
    );
    expect(screen.queryByRole("button", { name: "Apply to workplan" })).toBeNull();
  });

  it("when no clean plan exists but the workplan has only warnings, says it may be kept", async () => {
    const excel = officeWith();
    const { user } = openPane(excel);
    await spinBy(user, 2, -1);
    await user.click(await screen.findByRole("button", { name: "Propose timeline" }));
    expect(await screen.findByText("No clean timeline exists")).toBeInTheDocument();
    expect(
      screen.getByText(
        "The workplan as it stands has no error: only its warnings cannot all be cleared by moving topics, so it " +
          "may be kept as it is.",
      ),
    ).toBeInTheDocument();
    expect(screen.getByText(/^With this what-if \(not written\): 0 errors, [1-9]\d* warnings?/)).toBeInTheDocument();
    // With the 15th meeting cancelled too, its topic is an error: nothing says the workplan may be kept.
    const meetings = screen.getByRole("region", { name: "Meetings" });
    await user.click(within(meetings).getByRole("checkbox", { name: "Cancel the 15th meeting (2028)" }));
    // The proposal follows the what-if: asked again for the new one.
    await waitFor(() => expect(screen.queryByText(/has no error/)).toBeNull());
    expect(screen.getByText("No clean timeline exists")).toBeInTheDocument();
    expect(screen.getByText(/^With this what-if \(not written\): [1-9]\d* errors?/)).toBeInTheDocument();
  });
});

describe("the what-if's findings next to the control that changed", () => {
  it("lists them directly under the cluster spun, then under the meeting cancelled, and not twice", async () => {
    const excel = officeWith();
    const { user } = openPane(excel);
    await spinBy(user, 2, 2);
    const diff = await screen.findByRole("group", { name: "What the slip changes" });
    expect((await spin(2)).closest("li")).toContainElement(diff);
    expect(within(diff).getByText("2 findings would appear, 0 would disappear.")).toHaveAttribute(
      "aria-live",
      "polite",
    );

    const meetings = screen.getByRole("region", { name: "Meetings" });
    const box = within(meetings).getByRole("checkbox", { name: "Cancel the 19th meeting (2032)" });
    await user.click(box);
    await waitFor(() =>
      expect(box.closest("li")).toContainElement(screen.getByRole("group", { name: "What the slip changes" })),
    );
    expect(screen.getAllByRole("group", { name: "What the slip changes" })).toHaveLength(1);
    expect((await spin(2)).closest("li")).not.toContainElement(
      screen.getByRole("group", { name: "What the slip changes" }),
    );
  });
});
