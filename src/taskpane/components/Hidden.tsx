/** Words for screen readers only: the usual visually hidden box, and the arrow that is heard as "becomes". */
import { makeStyles } from "@fluentui/react-components";
import { message } from "../messages";

export const VISUALLY_HIDDEN = {
  position: "absolute",
  width: "1px",
  height: "1px",
  overflow: "hidden",
  clip: "rect(0 0 0 0)",
  whiteSpace: "nowrap",
} as const;

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
