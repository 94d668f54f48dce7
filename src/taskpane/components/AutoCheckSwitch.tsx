/**
 * The auto-check toggle: re-check after the user's own edits (remembered per user, not in the
 * workbook). A native check box with the switch role: Fluent's Switch weighed about as much as the
 * room left in the pane's script budget.
 */
import { makeStyles, tokens } from "@fluentui/react-components";
import { message } from "../messages";
import { CHECK_BOX } from "./styles";

const useStyles = makeStyles({
  label: { display: "inline-flex", alignItems: "center", gap: tokens.spacingHorizontalS, cursor: "pointer" },
  box: CHECK_BOX,
});

export interface AutoCheckSwitchProps {
  checked: boolean;
  onChange(checked: boolean): void;
}

export function AutoCheckSwitch({ checked, onChange }: AutoCheckSwitchProps) {
  const styles = useStyles();
  return (
    <label className={styles.label}>
      <input
        type="checkbox"
        role="switch"
        className={styles.box}
        checked={checked}
        onChange={(event) => onChange(event.currentTarget.checked)}
      />
      {message("autoCheck.label")}
    </label>
  );
}
