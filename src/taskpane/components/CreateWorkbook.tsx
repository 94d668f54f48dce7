/** Shown when the workbook has none of the workplan's tables: one button creates them all. */
import { Button, makeStyles, Text, tokens } from "@fluentui/react-components";
import { ALL_TABLES } from "../../domain/layout";
import { TIMELINE_SHEET } from "../../domain/timeline";
import { listPhrase } from "../../domain/wording";
import { message } from "../messages";

/** The sheets Create adds, as the notice after it names them: the tables' sheets, then the Timeline. */
const SHEETS = listPhrase([...new Set(ALL_TABLES.map((t) => t.sheet)), TIMELINE_SHEET]);

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
      <Text>{message("create.text", { sheets: SHEETS })}</Text>
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
