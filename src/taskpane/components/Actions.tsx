/**
 * The pane's two commands: Check (the primary button, unless a proposal is shown) and Clear highlights; under them,
 * where the first check will clear Excel's undo history, one line saying so (read with Check by screen readers).
 */
import { Button, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { message } from "../messages";

const useStyles = makeStyles({
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

export interface ActionsProps {
  busy: boolean;
  /** Whether Check is the view's one primary button (not while a proposal, with its own, is shown). */
  primary: boolean;
  /** The next check clears Excel's undo history. */
  clearsUndo?: boolean;
  onCheck(): void;
  onClear(): void;
}

export function Actions({ busy, primary, clearsUndo, onCheck, onClear }: ActionsProps) {
  const styles = useStyles();
  return (
    <>
      <div className={styles.row} role="toolbar" aria-label={message("actions.label")}>
        <Button
          appearance={primary ? "primary" : "secondary"}
          disabledFocusable={busy}
          aria-describedby={clearsUndo ? "clears-undo" : undefined}
          onClick={onCheck}
        >
          {message("actions.check")}
        </Button>
        <Button disabledFocusable={busy} onClick={onClear}>
          {message("actions.clear")}
        </Button>
      </div>
      {clearsUndo ? <Caption1 id="clears-undo">{message("actions.clearsUndo")}</Caption1> : null}
    </>
  );
}
