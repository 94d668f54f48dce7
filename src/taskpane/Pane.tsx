/**
 * The task pane: finds the workplan tables on open, offers to create them when there are none,
 * checks, clears the highlights and goes to the cell of a finding. Presentation only: every
 * question about the workplan goes to the workbook port (src/office, src/domain).
 */
import { useCallback, useEffect, useRef, useState } from "react";
import { MessageBar, MessageBarBody, Spinner, makeStyles, tokens } from "@fluentui/react-components";
import { Actions } from "./components/Actions";
import { CreateWorkbook } from "./components/CreateWorkbook";
import { Findings } from "./components/Findings";
import { Header } from "./components/Header";
import { Problem } from "./components/Problem";
import type { CheckOutcome, PaneWorkbook, WorkbookTablesFound } from "./workbook";

type Busy = "opening" | "checking" | "clearing" | "creating" | "going";

const PROGRESS: Readonly<Record<Busy, string>> = {
  opening: "Looking for the workplan tables…",
  checking: "Checking the workplan…",
  clearing: "Clearing the highlights…",
  creating: "Creating the workplan workbook…",
  going: "Going to the cell…",
};

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
  title: { margin: 0, fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, fontWeight: tokens.fontWeightSemibold },
  hidden: { position: "absolute", width: "1px", height: "1px", overflow: "hidden", clip: "rect(0 0 0 0)", whiteSpace: "nowrap" },
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

export function Pane({ workbook }: PaneProps) {
  const styles = useStyles();
  const [busy, setBusy] = useState<Busy | null>("opening");
  const [tables, setTables] = useState<WorkbookTablesFound | null>(null);
  const [outcome, setOutcome] = useState<CheckOutcome | null>(null);
  const [problem, setProblem] = useState<ProblemState | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const running = useRef(false);

  /** Runs one request at a time, with progress shown and any error turned into the message bar. */
  const run = useCallback(async (what: Busy, failure: string, work: () => Promise<void>) => {
    if (running.current) return;
    running.current = true;
    setBusy(what);
    setProblem(null);
    setAnnouncement(PROGRESS[what]);
    try {
      await work();
    } catch (error) {
      setProblem({ title: failure, message: messageOf(error) });
      setAnnouncement("");
    } finally {
      running.current = false;
      setBusy(null);
    }
  }, []);

  const open = useCallback(
    () =>
      run("opening", "Could not read the workbook", async () => {
        setTables(await workbook.findTables());
        setAnnouncement("");
      }),
    [run, workbook],
  );

  useEffect(() => {
    void open();
  }, [open]);

  const check = () =>
    run("checking", "Could not check the workbook", async () => {
      const checked = await workbook.check();
      setOutcome(checked);
      setNotice(null);
      const { error, warning, info } = checked.result.summary;
      setAnnouncement(
        checked.result.findings.length === 0
          ? "Check done: no conflicts."
          : `Check done: ${plural(error, "error")}, ${plural(warning, "warning")}, ${info} info.`,
      );
    });

  const clear = () =>
    run("clearing", "Could not clear the highlights", async () => {
      const cleared = await workbook.clearHighlights();
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
      const text = `Created the sheets ${listOf(created.sheets)} with the adopted workplan. Select Check to check it.`;
      setNotice(text);
      setAnnouncement("");
    });

  const goTo = (sheet: string, cell: string) =>
    run("going", `Could not go to ${sheet}!${cell}`, async () => {
      await workbook.goTo(sheet, cell);
      setAnnouncement(`Selected ${sheet}!${cell}.`);
    });

  const noTables = tables !== null && tables.found.length === 0;
  const headerLines = outcome ? outcome.annotations.conflicts.caption : (tables?.lastCheck ?? []);

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
          <Header lines={headerLines} />
          {notice ? (
            <MessageBar intent="info" layout="multiline">
              <MessageBarBody>{notice}</MessageBarBody>
            </MessageBar>
          ) : null}
          {busy === "checking" || busy === "clearing" ? (
            <Spinner size="small" labelPosition="after" label={PROGRESS[busy]} />
          ) : outcome ? (
            <Findings findings={outcome.result.findings} summary={outcome.result.summary} onGoTo={goTo} />
          ) : null}
        </>
      )}
      <div role="status" className={styles.hidden}>
        {announcement}
      </div>
    </main>
  );
}
