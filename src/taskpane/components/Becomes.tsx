/** The arrow of a change, seen as "→" and heard as "becomes". */
import { makeStyles } from "@fluentui/react-components";
import { message } from "../messages";
import { VISUALLY_HIDDEN } from "./styles";

const useStyles = makeStyles({ hidden: VISUALLY_HIDDEN });

/** "→" seen, "becomes" heard (not "right arrow"). */
export function Becomes() {
  const styles = useStyles();
  return (
    <>
      <span aria-hidden="true">→ </span>
      <span className={styles.hidden}>{message("proposal.becomes")}</span>
    </>
  );
}
