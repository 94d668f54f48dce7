/** The pane's two commands: Check (primary) and Clear highlights. */
import { Button, makeStyles, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

export interface ActionsProps {
  busy: boolean;
  onCheck(): void;
  onClear(): void;
}

export function Actions({ busy, onCheck, onClear }: ActionsProps) {
  const styles = useStyles();
  return (
    <div className={styles.row} role="toolbar" aria-label="Workplan actions">
      <Button appearance="primary" disabledFocusable={busy} onClick={onCheck}>
        Check
      </Button>
      <Button disabledFocusable={busy} onClick={onClear}>
        Clear highlights
      </Button>
    </div>
  );
}
