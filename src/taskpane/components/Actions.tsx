/** The pane's two commands: Check (the primary button, unless a proposal is shown) and Clear highlights. */
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { message } from "../messages";

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
    <div className={styles.row} role="toolbar" aria-label={message("actions.label")}>
      <Button appearance={primary ? "primary" : "secondary"} disabledFocusable={busy} onClick={onCheck}>
        {message("actions.check")}
      </Button>
      <Button disabledFocusable={busy} onClick={onClear}>
        {message("actions.clear")}
      </Button>
    </div>
  );
}
