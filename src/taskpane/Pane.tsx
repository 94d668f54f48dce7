/**
 * The task pane: finds the workplan tables on open, offers to create them when there are none,
 * checks, clears the highlights and goes to the cell of a finding; the Clusters panel's slip
 * what-if (in memory), the proposed timeline, its sheet for the Bureau and applying it; and the
 * live re-check after edits and co-authors' changes (live.ts). Presentation only: every question
 * about the workplan goes to the workbook port (src/office, src/domain).
 */
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { Button, MessageBar, MessageBarBody, Spinner, makeStyles, tokens } from "@fluentui/react-components";
import { checkTime } from "../domain/annotations";
import type { CheckResult } from "../domain/check";
import { describeProposalSheet } from "../domain/proposalSheet";
import { describeApplyChanges } from "../domain/proposalBasis";
import { Actions } from "./components/Actions";
import { ApplyDialog } from "./components/ApplyDialog";
import { AutoCheckSwitch } from "./components/AutoCheckSwitch";
import { ClustersPanel } from "./components/ClustersPanel";
import { CreateWorkbook } from "./components/CreateWorkbook";
import { Findings } from "./components/Findings";
import { Header } from "./components/Header";
import { Problem } from "./components/Problem";
import { ProposalPanel } from "./components/ProposalPanel";
import { WhatIfDiff } from "./components/WhatIfDiff";
import { LiveCheck } from "./live";
import { loadAutoCheck, saveAutoCheck } from "./preferences";
import { useWhatIf, type Baseline } from "./useWhatIf";
import type { PaneWorkbook, WorkbookTablesFound } from "./workbook";

type Busy =
  "opening" | "checking" | "clearing" | "creating" | "going" | "refreshing" | "saving" | "writing" | "applying";

const PROGRESS: Readonly<Record<Busy, string>> = {
  opening: "Looking for the workplan tables…",
  checking: "Checking the workplan…",
  clearing: "Clearing the highlights…",
  creating: "Creating the workplan workbook…",
  going: "Going to the cell…",
  refreshing: "Reading a co-author's changes…",
  saving: "Saving the expected review ends…",
  writing: "Writing the proposal sheet…",
  applying: "Applying the proposal to the workplan…",
};

/** The findings the pane shows, and the lines about the last check above them. */
interface Shown {
  result: CheckResult;
  header: readonly string[];
}

interface ProblemState {
  title: string;
  message: string;
}

const useStyles = makeStyles({
  pane: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    boxSizing: "border-box",
    minWidth: 0,
  },
  title: {
    margin: 0,
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase500,
    fontWeight: tokens.fontWeightSemibold,
  },
  start: { alignSelf: "flex-start" },
  whatIf: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    paddingTop: tokens.spacingVerticalM,
  },
  hidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    overflow: "hidden",
    clip: "rect(0 0 0 0)",
    whiteSpace: "nowrap",
  },
});

function messageOf(error: unknown): string {
  return error instanceof Error && error.message ? error.message : String(error);
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function listOf(items: readonly string[]): string {
  return items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

export interface PaneProps {
  workbook: PaneWorkbook;
}

function checkedText(result: CheckResult, prefix = "Check done"): string {
  const { error, warning, info } = result.summary;
  return result.findings.length === 0
    ? `${prefix}: no conflicts.`
    : `${prefix}: ${plural(error, "error")}, ${plural(warning, "warning")}, ${info} info.`;
}

export function Pane({ workbook }: PaneProps) {
  const styles = useStyles();
  const [busy, setBusy] = useState<Busy | null>("opening");
  const [tables, setTables] = useState<WorkbookTablesFound | null>(null);
  const [shown, setShown] = useState<Shown | null>(null);
  const [baseline, setBaseline] = useState<Baseline | null>(null);
  const [problem, setProblem] = useState<ProblemState | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  /** The last check's lines when its highlights were cleared; null when they were not (or a check came since). */
  const [clearedAfter, setClearedAfter] = useState<readonly string[] | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const [proposing, setProposing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [autoCheck, setAutoCheck] = useState(loadAutoCheck);
  const running = useRef(false);
  const currentYear = useMemo(() => workbook.now().getFullYear(), [workbook]);
  const whatIf = useWhatIf(baseline, currentYear);
  /** The lines about the last check: this pane's, or those the workbook records. */
  const headerLines = shown ? shown.header : (tables?.lastCheck ?? []);

  /**
   * Runs one request at a time, with progress shown and any error turned into the message bar.
   * The notice of an earlier action goes when the planner starts another, and when an error
   * bar appears; a co-author's refresh, which the planner did not start, leaves it.
   */
  const run = useCallback(async (what: Busy, failure: string, work: () => Promise<void>) => {
    if (running.current) return;
    running.current = true;
    setBusy(what);
    setProblem(null);
    if (what !== "refreshing") setNotice(null);
    setAnnouncement(PROGRESS[what]);
    try {
      await work();
    } catch (error) {
      setNotice(null);
      setProblem({ title: failure, message: messageOf(error) });
      setAnnouncement("");
    } finally {
      running.current = false;
      setBusy(null);
    }
  }, []);

  const readBaseline = useCallback(async () => {
    const read = await workbook.read();
    setBaseline({ tables: read.tables, result: read.result });
    return read;
  }, [workbook]);

  const open = useCallback(
    () =>
      run("opening", "Could not read the workbook", async () => {
        const found = await workbook.findTables();
        setTables(found);
        if (found.found.length > 0) await readBaseline();
        setAnnouncement("");
      }),
    [run, workbook, readBaseline],
  );

  useEffect(() => {
    void open();
  }, [open]);

  /** A check that writes the highlights; the pane then shows its findings and keeps its tables. */
  const runCheck = useCallback(
    async (prefix = "Check done") => {
      const checked = await workbook.check();
      setShown({ result: checked.result, header: checked.annotations.conflicts.caption });
      setClearedAfter(null);
      setBaseline({ tables: checked.tables, result: checked.result });
      setAnnouncement(checkedText(checked.result, prefix));
    },
    [workbook],
  );

  const check = useCallback(
    () =>
      run("checking", "Could not check the workbook", async () => {
        await runCheck();
      }),
    [run, runCheck],
  );

  /** A co-author changed the workbook: read it again and show its findings, writing nothing. */
  const refresh = useCallback(
    () =>
      run("refreshing", "Could not read a co-author's changes", async () => {
        const read = await readBaseline();
        setShown((before) => (before ? { result: read.result, header: read.lastCheck } : before));
        setAnnouncement(checkedText(read.result, "A co-author changed the workbook, findings brought up to date"));
      }),
    [run, readBaseline],
  );

  // The live re-check: the latest callbacks and settings, for the events that come at any time.
  const liveState = useRef({ autoCheck, check, refresh });
  liveState.current = { autoCheck, check, refresh };
  useEffect(() => {
    const live = new LiveCheck({
      autoCheck: () => liveState.current.autoCheck,
      busy: () => running.current,
      check: () => liveState.current.check(),
      refresh: () => liveState.current.refresh(),
    });
    let stop: (() => void) | null = null;
    let gone = false;
    workbook
      .watch((change) => live.onChange(change))
      .then(
        (unsubscribe) => (gone ? unsubscribe() : (stop = unsubscribe)),
        // Without events the pane still works; it just does not re-check by itself.
        () => undefined,
      );
    return () => {
      gone = true;
      stop?.();
      live.dispose();
    };
  }, [workbook]);

  const toggleAutoCheck = (on: boolean) => {
    setAutoCheck(on);
    saveAutoCheck(on);
  };

  /**
   * Clears the highlights. The findings stay listed (the workbook still has them: the Conflicts
   * sheet lists them too), and the status line says they are the last check's and no longer
   * marked in the workbook, until a check (this planner's or a co-author's) marks them again.
   */
  const clear = () =>
    run("clearing", "Could not clear the highlights", async () => {
      const cleared = await workbook.clearHighlights();
      if (cleared.rulesRemoved > 0 || cleared.notesRemoved > 0) setClearedAfter(headerLines);
      const text =
        cleared.rulesRemoved === 0 && cleared.notesRemoved === 0
          ? "There were no highlights to clear."
          : `Cleared the highlights: ${plural(cleared.rulesRemoved, "highlight rule")} and ${plural(cleared.notesRemoved, "note")} the add-in wrote. Your own formatting and notes are untouched.`;
      setNotice(text);
      // The message bar announces itself.
      setAnnouncement("");
    });

  const create = () =>
    run("creating", "Could not create the workbook", async () => {
      const created = await workbook.create();
      setTables(await workbook.findTables());
      await readBaseline();
      const text = `Created the sheets ${listOf(created.sheets)} with the adopted workplan. Select Check to check it.`;
      setNotice(text);
      setAnnouncement("");
    });

  const goTo = (sheet: string, cell: string) =>
    run("going", `Could not go to ${sheet}!${cell}`, async () => {
      await workbook.goTo(sheet, cell);
      setAnnouncement(`Selected ${sheet}!${cell}.`);
    });

  const saveExpected = () =>
    run("saving", "Could not save the expected review ends", async () => {
      const saved = await workbook.saveExpectedEnds(whatIf.slips);
      whatIf.reset();
      await runCheck("Saved and checked");
      setNotice(
        saved.changes.length === 0
          ? "The Clusters table already holds these dates."
          : `Saved to the Clusters table: ${saved.changes.join("; ")}.`,
      );
    });

  const writeProposal = () =>
    run("writing", "Could not write the proposal sheet", async () => {
      const { basis, preview } = whatIf;
      if (!basis || !preview?.check.plan) return;
      const now = workbook.now();
      const sheet = describeProposalSheet(
        basis.proposal,
        preview.check.plan,
        { date: now.toISOString().slice(0, 10), time: checkTime(now) },
        [],
      );
      const written = await workbook.writeProposal(sheet);
      setNotice(
        `Wrote the sheet “${written.name}” for the Bureau: the proposed timeline, the changed topics highlighted and the reasons. The Workplan table is unchanged.`,
      );
      setAnnouncement("");
    });

  const applyChanges = useMemo(
    () => (whatIf.basis && baseline ? describeApplyChanges(whatIf.basis, baseline.tables) : []),
    [whatIf.basis, baseline],
  );

  const apply = () => {
    setConfirming(false);
    return run("applying", "Could not apply the proposal", async () => {
      const { basis } = whatIf;
      if (!basis) return;
      const applied = await workbook.apply(basis);
      whatIf.reset();
      setProposing(false);
      await runCheck("Applied and checked");
      const added = applied.edit.rows.length;
      setNotice(
        `Applied the proposal: ${plural(applied.edit.cells.length, "fixed topic")} changed${added > 0 ? `, ${plural(added, "meeting")} appended` : ""}${
          applied.expectedEnds.cells.length > 0
            ? `, ${plural(applied.expectedEnds.cells.length, "expected review end")} saved`
            : ""
        }. The findings below are the check after the change.`,
      );
    });
  };

  const noTables = tables !== null && tables.found.length === 0;
  const highlightsCleared =
    clearedAfter !== null &&
    clearedAfter.length === headerLines.length &&
    clearedAfter.every((line, i) => line === headerLines[i]) &&
    shown?.result.findings.length !== 0;
  const since = highlightsCleared
    ? shown
      ? "Highlights cleared since: the findings below are from this check and no longer marked in the workbook. Select Check to mark them again."
      : "Highlights cleared since: this check's findings are no longer marked in the workbook. Select Check to mark them again."
    : null;
  const slipped = whatIf.slips.size > 0;
  const preview = whatIf.preview;

  return (
    <main className={styles.pane} aria-busy={busy !== null}>
      <h1 className={styles.title}>Workplan Checker</h1>
      {problem ? <Problem title={problem.title} message={problem.message} onDismiss={() => setProblem(null)} /> : null}
      {busy === "opening" ? (
        <Spinner size="small" labelPosition="after" label={PROGRESS.opening} />
      ) : noTables ? (
        <>
          <CreateWorkbook busy={busy !== null} onCreate={create} />
          {busy === "creating" ? <Spinner size="small" labelPosition="after" label={PROGRESS.creating} /> : null}
        </>
      ) : (
        <>
          <Actions busy={busy !== null} onCheck={check} onClear={clear} />
          <AutoCheckSwitch checked={autoCheck} onChange={toggleAutoCheck} />
          <Header lines={headerLines} since={since} />
          {notice ? (
            <MessageBar intent="info" layout="multiline">
              <MessageBarBody>{notice}</MessageBarBody>
            </MessageBar>
          ) : null}
          {busy === "checking" ||
          busy === "clearing" ||
          busy === "saving" ||
          busy === "applying" ||
          busy === "writing" ? (
            <Spinner size="small" labelPosition="after" label={PROGRESS[busy]} />
          ) : shown ? (
            <Findings findings={shown.result.findings} summary={shown.result.summary} onGoTo={goTo} />
          ) : null}
          {whatIf.clusters.length > 0 ? (
            <div className={styles.whatIf}>
              <ClustersPanel
                clusters={whatIf.clusters}
                busy={busy !== null}
                onChange={whatIf.setExpected}
                onSave={saveExpected}
                onReset={whatIf.reset}
              />
              {slipped && preview ? <WhatIfDiff diff={preview.diff} /> : null}
              {proposing && preview?.proposal ? (
                <ProposalPanel
                  proposal={preview.proposal}
                  busy={busy !== null}
                  onWrite={writeProposal}
                  onApply={() => setConfirming(true)}
                />
              ) : (
                <Button
                  className={styles.start}
                  disabledFocusable={busy !== null || !preview?.proposal}
                  onClick={() => setProposing(true)}
                >
                  Propose timeline
                </Button>
              )}
            </div>
          ) : null}
          {confirming ? (
            <ApplyDialog changes={applyChanges} onConfirm={apply} onCancel={() => setConfirming(false)} />
          ) : null}
        </>
      )}
      <div role="status" className={styles.hidden}>
        {announcement}
      </div>
    </main>
  );
}
