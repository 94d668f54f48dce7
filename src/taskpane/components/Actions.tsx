/** The pane's two commands: Check (the primary button, unless a proposal is shown) and Clear highlights. */
import { Button, makeStyles, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

export interface ActionsProps {
  busy: boolean;
  /** Whether Check is the view's one primary button (not while a proposal, with its own, is shown). */
  primary: boolean;
  onCheck(): void;
  onClear(): void;
}

export function Actions({ busy, primary, onCheck, onClear }: ActionsProps) {
  const styles = useStyles();
  return (
    <div className={styles.row} role="toolbar" aria-label="Workplan actions">
      <Button appearance={primary ? "primary" : "secondary"} disabledFocusable={busy} onClick={onCheck}>
        Check
      </Button>
      <Button disabledFocusable={busy} onClick={onClear}>
        Clear highlights
      </Button>
    </div>
  );
}
