/** Shown when the workbook has none of the workplan's tables: one button creates them all. */
import { Button, makeStyles, Text, tokens } from "@fluentui/react-components";
import { message } from "../messages";

const useStyles = makeStyles({
  box: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, alignItems: "flex-start" },
});

export interface CreateWorkbookProps {
  busy: boolean;
  /** Why creating would be refused (a sheet or table in the way): said instead of offering the button. */
  refused?: string | null;
  onCreate(): void;
}

export function CreateWorkbook({ busy, refused, onCreate }: CreateWorkbookProps) {
  const styles = useStyles();
  return (
    <div className={styles.box}>
      <Text>{message("create.text")}</Text>
      {refused ? (
        <Text>{refused}</Text>
      ) : (
        <Button appearance="primary" disabledFocusable={busy} onClick={onCreate}>
          {message("create.button")}
        </Button>
      )}
    </div>
  );
}
