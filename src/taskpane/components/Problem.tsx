/** An error from Excel, or a refusal, as a message bar that says what to do. */
import { Button } from "@fluentui/react-components";
import { DismissRegular } from "@fluentui/react-icons";
import { message as words } from "../messages";
import { Notice } from "./Notice";

export interface ProblemProps {
  title: string;
  message: string;
  onDismiss(): void;
}

export function Problem({ title, message, onDismiss }: ProblemProps) {
  // Excel's errors arrive as "Could not check the workbook. What to do…": the title says the first part.
  const body = message.startsWith(`${title}. `) ? message.slice(title.length + 2) : message;
  return (
    <Notice
      intent="error"
      title={title}
      action={
        <Button
          appearance="transparent"
          size="small"
          icon={<DismissRegular />}
          aria-label={words("problem.dismiss")}
          onClick={onDismiss}
        />
      }
    >
      {body}
    </Notice>
  );
}
