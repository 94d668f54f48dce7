/** Shown when the workbook has none of the workplan's tables: one button creates them all. */
import { Button, makeStyles, Text, tokens } from "@fluentui/react-components";

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
      <Text>
        This workbook has no workplan tables yet. Create them with the adopted workplan: the Workplan, Topics, Articles,
        Clusters, flexible topics, Settings and Conflicts sheets, with drop-down lists on the topic columns. Nothing
        that is already in the workbook is overwritten.
      </Text>
      {refused ? (
        <Text>{refused}</Text>
      ) : (
        <Button appearance="primary" disabledFocusable={busy} onClick={onCreate}>
          Create the workplan workbook
        </Button>
      )}
    </div>
  );
}
