/** The auto-check toggle: re-check after the user's own edits (remembered per user, not in the workbook). */
import { Switch } from "@fluentui/react-components";
import { message } from "../messages";

export interface AutoCheckSwitchProps {
  checked: boolean;
  onChange(checked: boolean): void;
}

export function AutoCheckSwitch({ checked, onChange }: AutoCheckSwitchProps) {
  return <Switch checked={checked} label={message("autoCheck.label")} onChange={(_, data) => onChange(data.checked)} />;
}
