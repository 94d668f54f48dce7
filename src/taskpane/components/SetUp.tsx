/**
 * The secretariat's existing workbook: which tables are missing, the plain ranges "Convert to
 * tables" would make tables, what "Add the missing tables" would add, and why what cannot be
 * done cannot (a button is offered only where the read found nothing in its way).
 */
import { Button, Text } from "@fluentui/react-components";
import { message } from "../messages";
import { listPhrase } from "../../domain/wording";
import type { SetUpFound } from "../workbook";

export interface SetUpProps {
  setUp: SetUpFound;
  /** Before the workbook has any table: Convert to tables is the view's one primary button, nothing is "missing". */
  primary: boolean;
  busy: boolean;
  onSetUp(add: boolean): void;
}

export function SetUp({ setUp, primary, busy, onSetUp }: SetUpProps) {
  const offer = (add: boolean, items: string[]) =>
    items.length > 0 ? (
      <>
        <Text>
          {add
            ? message("setUp.add", { tables: listPhrase(items) })
            : message("setUp.convert", { ranges: listPhrase(items) })}
        </Text>
        <Button
          appearance={primary && !add ? "primary" : "secondary"}
          disabledFocusable={busy}
          onClick={() => onSetUp(add)}
        >
          {message(add ? "setUp.addButton" : "setUp.convertButton")}
        </Button>
      </>
    ) : null;
  return (
    <section aria-label={message("setUp.label")} style={{ display: "grid", gap: 8, justifyItems: "start" }}>
      {primary ? null : <Text>{message("setUp.missing", { tables: listPhrase(setUp.missing) })}</Text>}
      {offer(false, setUp.convert)}
      {setUp.why.map((why) => (
        <Text key={why}>{why}</Text>
      ))}
      {offer(true, setUp.add)}
    </section>
  );
}
