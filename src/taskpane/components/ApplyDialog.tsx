/**
 * The confirmation before "Apply to workplan": what will change, one line each. The browser's own
 * modal `<dialog>` (focus moves in and stays, Esc cancels, the rest of the pane is inert) in the
 * Fluent theme's colours: Fluent's Dialog would weigh a fifth of the whole pane's script.
 */
import { Fragment, useEffect, useId, useRef } from "react";
import { Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import { message } from "../messages";
import { Becomes } from "./Becomes";

const useStyles = makeStyles({
  dialog: {
    maxWidth: `calc(100vw - ${tokens.spacingHorizontalXXL})`,
    maxHeight: `calc(100vh - ${tokens.spacingVerticalXXL})`,
    boxSizing: "border-box",
    padding: tokens.spacingHorizontalL,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorTransparentStroke}`,
    borderRadius: tokens.borderRadiusXLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    boxShadow: tokens.shadow64,
    overflowY: "auto",
    "::backdrop": { backgroundColor: "rgba(0, 0, 0, 0.4)" },
  },
  title: {
    margin: `0 0 ${tokens.spacingVerticalS}`,
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    fontWeight: tokens.fontWeightSemibold,
  },
  list: { margin: `${tokens.spacingVerticalS} 0`, paddingLeft: tokens.spacingHorizontalL, overflowWrap: "anywhere" },
  actions: {
    display: "flex",
    flexWrap: "wrap",
    justifyContent: "flex-end",
    gap: tokens.spacingHorizontalS,
    marginTop: tokens.spacingVerticalL,
  },
  // The ring on Cancel whichever way the dialog was opened: Fluent draws it only after a key press, and a planner
  // who clicked Apply to workplan must see that Enter now cancels.
  cancel: {
    ":focus": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: "2px" },
  },
});

export interface ApplyDialogProps {
  changes: readonly string[];
  onConfirm(): void;
  onCancel(): void;
}

/** Shown while mounted. */
export function ApplyDialog({ changes, onConfirm, onCancel }: ApplyDialogProps) {
  const styles = useStyles();
  const titleId = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    // Where a browser has no modal dialogs (and in jsdom), it is shown in place.
    if (typeof element.showModal === "function") element.showModal();
    else element.setAttribute("open", "");
    // Focus on Cancel: applying changes the adopted workplan, so it takes a deliberate choice.
    cancel.current?.focus();
    return () => {
      if (typeof element.close === "function" && element.open) element.close();
      opener?.focus();
    };
  }, []);

  return (
    <dialog
      ref={dialog}
      className={styles.dialog}
      role="alertdialog"
      aria-modal="true"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      <h2 id={titleId} className={styles.title}>
        {message("apply.title")}
      </h2>
      <Text>{message("apply.lead")}</Text>
      <ul className={styles.list}>
        {changes.map((change) => (
          <li key={change}>
            {/* "2030 → 2032" seen; "2030 becomes 2032" heard, not "right arrow". */}
            {change.split(" → ").map((part, i) =>
              i === 0 ? (
                part
              ) : (
                <Fragment key={i}>
                  {" "}
                  <Becomes />
                  {part}
                </Fragment>
              ),
            )}
          </li>
        ))}
      </ul>
      <Text>{message("apply.kept")}</Text>
      <div className={styles.actions}>
        <Button appearance="primary" onClick={onConfirm}>
          {message("apply.confirm")}
        </Button>
        <Button ref={cancel} className={styles.cancel} onClick={onCancel}>
          {message("apply.cancel")}
        </Button>
      </div>
    </dialog>
  );
}
