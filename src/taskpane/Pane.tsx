/**
 * The task pane: finds the workplan tables on open, offers to create them when there are none,
 * checks, clears the highlights and goes to the cell of a finding; the Clusters panel's slip
 * what-if (in memory), the proposed timeline, its sheet for the Bureau and applying it; and the
 * live re-check after edits and co-authors' changes. Presentation only: the state and its events
 * are in state.ts, the requests to the workbook port in actions.ts, their binding in usePane.ts.
 */
import { Button, Spinner, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { Finding } from "../domain/model";
import { Actions } from "./components/Actions";
import { ApplyDialog } from "./components/ApplyDialog";
import { AutoCheckSwitch } from "./components/AutoCheckSwitch";
import { ClustersPanel } from "./components/ClustersPanel";
import { CreateWorkbook } from "./components/CreateWorkbook";
import { Diagnostics } from "./components/Diagnostics";
import { Findings } from "./components/Findings";
import { Header } from "./components/Header";
import { Problem } from "./components/Problem";
import { MeetingsPanel } from "./components/MeetingsPanel";
import { ProposalPanel } from "./components/ProposalPanel";
import { TimelineChart } from "./components/TimelineChart";
import { SetUp } from "./components/SetUp";
import { WhatIfDiff } from "./components/WhatIfDiff";
import { message } from "./messages";
import type { ProposalSolver } from "./solver";
import {
  PROGRESS,
  selectApplyChanges,
  selectCanApply,
  selectFindings,
  selectNotWritten,
  selectProgress,
  selectSince,
  selectView,
} from "./state";
import { usePane, type PaneBinding } from "./usePane";
import type { PaneWorkbook } from "./workbook";
import { Notice } from "./components/Notice";
import { VISUALLY_HIDDEN } from "./components/styles";

const useStyles = makeStyles({
  pane: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    boxSizing: "border-box",
    minWidth: 0,
  },
  footer: {
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    paddingTop: tokens.spacingVerticalS,
  },
  start: { alignSelf: "flex-start" },
  diagnostics: { color: tokens.colorNeutralForeground2 },
  whatIf: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    paddingTop: tokens.spacingVerticalM,
  },
  hidden: VISUALLY_HIDDEN,
});

export interface PaneProps {
  workbook: PaneWorkbook;
  /** The proposal solver; by default a Web Worker where the host has them. */
  solver?: ProposalSolver;
}

/** The Clusters panel, what its slips change, and the proposal. */
function WhatIfSection({ state, dispatch, actions, whatIf, pointed }: PaneBinding & { pointed: Finding | null }) {
  const styles = useStyles();
  const busy = state.busy !== null;
  const { preview, proposal, basis } = whatIf;
  if (whatIf.clusters.length === 0) return null;
  const proposed = proposal && proposal !== "pending" && proposal.feasible ? proposal : null;
  // Listed under the control changed last, where the planner is looking, and announced politely.
  const at = state.whatIfAt;
  const underMeeting = at?.control === "meeting" && whatIf.meetings.some((m) => m.meeting === at.number);
  const diff =
    (whatIf.slips.size > 0 || state.cancelled.size > 0) && preview ? (
      <WhatIfDiff diff={preview.diff} plan={preview.check.plan} before={state.baseline?.result.plan ?? null} />
    ) : null;
  return (
    <div className={styles.whatIf}>
      {preview?.check.plan ? (
        <TimelineChart
          plans={[{ plan: preview.check.plan, findings: preview.check.findings }, ...(proposed ? [proposed] : [])]}
          pointed={pointed}
        />
      ) : null}
      <ClustersPanel
        clusters={whatIf.clusters}
        counts={whatIf.counts}
        diff={underMeeting ? null : diff}
        diffAt={at?.control === "cluster" ? at.number : undefined}
        busy={busy}
        onChange={(cluster, year) => dispatch({ type: "whatIfChanged", cluster, year })}
        onSave={() => void actions.saveExpected(whatIf.slips)}
        onReset={() => dispatch({ type: "whatIfReset" })}
      />
      <MeetingsPanel
        meetings={whatIf.meetings}
        cancelled={state.cancelled}
        diff={underMeeting ? diff : null}
        diffAt={at?.number}
        onChange={(meeting, cancelled) => dispatch({ type: "meetingWhatIf", meeting, cancelled })}
      />
      {proposal === "pending" ? (
        <Spinner size="small" labelPosition="after" label={message("proposing")} />
      ) : proposal && preview ? (
        <ProposalPanel
          proposal={proposal}
          plan={preview.check.plan}
          busy={busy}
          onWrite={() => void (basis && actions.writeProposal(basis))}
          canApply={selectCanApply(state)}
          onlyWarnings={preview.check.summary.error === 0 && preview.check.summary.warning > 0}
          onApply={() => dispatch({ type: "applyAsked" })}
        />
      ) : (
        <Button
          className={styles.start}
          disabledFocusable={busy || !preview?.check.plan}
          onClick={() => dispatch({ type: "proposeAsked" })}
        >
          {message("pane.propose")}
        </Button>
      )}
    </div>
  );
}

/** The workbook's view: the actions, the last check, the findings, the what-if and the confirmation. */
function WorkbookView(pane: PaneBinding) {
  const styles = useStyles();
  const { state, dispatch, actions, whatIf } = pane;
  const busy = state.busy !== null;
  const findings = selectFindings(state);
  const progress = selectProgress(state);
  const notWritten = selectNotWritten(state);
  const whatIfActive = whatIf.slips.size > 0 || state.cancelled.size > 0;
  // The finding in focus in the list: the timeline shows its meeting and its topic's acceptable years.
  const [pointed, setPointed] = useState<Finding | null>(null);
  return (
    <>
      <Actions
        busy={busy}
        primary={!state.proposalShown}
        clearsUndo={state.clearsUndo}
        onCheck={() => void actions.check()}
        onClear={() => void actions.clear()}
      />
      {notWritten ? (
        <Notice intent="warning" title={message("notWritten.title")}>
          {notWritten}
        </Notice>
      ) : null}
      {state.setUp ? (
        <SetUp setUp={state.setUp} primary={false} busy={busy} onSetUp={(add) => void actions.setUp(add)} />
      ) : null}
      <Header lines={state.lastCheck} since={selectSince(state)} />
      {state.notice ? <Notice intent="info">{state.notice}</Notice> : null}
      {state.canUndoApply ? (
        <Button className={styles.start} disabledFocusable={busy} onClick={() => void actions.undoApply()}>
          {message("pane.undoApply")}
        </Button>
      ) : null}
      {progress ? (
        <Spinner size="small" labelPosition="after" label={progress} />
      ) : findings ? (
        <Findings
          findings={findings.findings}
          plan={findings.plan}
          tables={state.baseline?.tables ?? null}
          whatIf={whatIfActive ? (whatIf.preview?.check.findings ?? null) : null}
          stale={state.readFailed}
          onGoTo={(sheet, cell) => void actions.goTo(sheet, cell)}
          onPoint={setPointed}
        />
      ) : null}
      <WhatIfSection {...pane} pointed={pointed} />
      <footer className={styles.footer}>
        <AutoCheckSwitch checked={state.autoCheck} onChange={actions.switchAutoCheck} />
      </footer>
      {state.confirming ? (
        <ApplyDialog
          changes={selectApplyChanges(whatIf.basis, state.baseline)}
          onConfirm={() => void (whatIf.basis && actions.apply(whatIf.basis))}
          onCancel={() => dispatch({ type: "applyCancelled" })}
        />
      ) : null}
    </>
  );
}

export function Pane({ workbook, solver }: PaneProps) {
  const styles = useStyles();
  const pane = usePane(workbook, solver);
  const { state, dispatch, actions } = pane;
  const view = selectView(state);
  return (
    <main className={styles.pane} aria-busy={state.busy !== null}>
      {/* Office shows the pane's title above it: the h1 is for screen readers' heading navigation only. */}
      <h1 className={styles.hidden}>{message("pane.title")}</h1>
      {state.problem ? (
        <Problem
          title={state.problem.title}
          message={state.problem.message}
          onDismiss={() => dispatch({ type: "dismissed" })}
        />
      ) : null}
      {state.commandError && view !== "opening" ? <Notice intent="warning">{state.commandError}</Notice> : null}
      {view === "opening" ? (
        <Spinner size="small" labelPosition="after" label={PROGRESS.opening} />
      ) : view === "convert" && state.setUp ? (
        <SetUp setUp={state.setUp} primary busy={state.busy !== null} onSetUp={(add) => void actions.setUp(add)} />
      ) : view === "create" ? (
        <>
          <CreateWorkbook
            busy={state.busy !== null}
            refused={state.setUp?.notCreated}
            onCreate={() => void actions.create()}
          />
          {state.setUp ? (
            <SetUp
              // Where Create is offered, it adds every table: Add the missing tables would only repeat it.
              setUp={state.setUp.notCreated ? state.setUp : { ...state.setUp, add: [] }}
              primary
              busy={state.busy !== null}
              onSetUp={(add) => void actions.setUp(add)}
            />
          ) : null}
          {state.busy === "creating" ? <Spinner size="small" labelPosition="after" label={PROGRESS.creating} /> : null}
        </>
      ) : (
        <WorkbookView {...pane} />
      )}
      {/* Out of the way: for the secretariat's IT, to validate the add-in in their own Excel. */}
      <details className={styles.diagnostics}>
        <summary>{message("pane.diagnostics")}</summary>
        <Diagnostics run={workbook.diagnose} />
      </details>
      <div role="status" className={styles.hidden}>
        {state.announcement}
      </div>
    </main>
  );
}
