/**
 * The secretariat's existing workbook: which tables are missing, the plain ranges "Convert to
 * tables" would make tables, what "Add the missing tables" would add, and why what cannot be
 * done cannot (a button is offered only where the read found nothing in its way).
 */
import { Button, makeStyles, Text, tokens } from "@fluentui/react-components";
import { message } from "../messages";
import type { SetUpFound } from "../workbook";

const useStyles = makeStyles({
  box: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, alignItems: "flex-start" },
});

export interface SetUpProps {
  setUp: SetUpFound;
  /** Whether Convert to tables is the view's one primary button (before the workbook has any table). */
  primary: boolean;
  busy: boolean;
  onSetUp(add: boolean): void;
}

const list = (items: readonly string[]) =>
  items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;

export function SetUp({ setUp, primary, busy, onSetUp }: SetUpProps) {
  const styles = useStyles();
  const { convert, add } = setUp;
  return (
    <section className={styles.box} aria-label="Set up the workbook">
      {primary ? null : <Text>{message("setUp.missing", { tables: list(setUp.missing) })}</Text>}
      {convert.length > 0 ? (
        <>
          <Text>{message("setUp.convert", { ranges: list(convert.map((c) => `${c.table} (${c.range})`)) })}</Text>
          <Button
            appearance={primary ? "primary" : "secondary"}
            disabledFocusable={busy}
            onClick={() => onSetUp(false)}
          >
            Convert to tables
          </Button>
        </>
      ) : null}
      {[...setUp.notConverted, ...(setUp.notAdded ? [setUp.notAdded] : [])].map((why) => (
        <Text key={why}>{why}</Text>
      ))}
      {add.length > 0 ? (
        <>
          <Text>{message("setUp.add", { tables: list(add) })}</Text>
          <Button disabledFocusable={busy} onClick={() => onSetUp(true)}>
            Add the missing tables
          </Button>
        </>
      ) : null}
    </section>
  );
}
