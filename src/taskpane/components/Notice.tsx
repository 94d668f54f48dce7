/**
 * A message bar: a tinted box with the intent's icon, an optional title that names it (a group
 * labelled by its title, as Fluent's MessageBar is), the text, and an optional action. Our own:
 * Fluent's MessageBar brings its motion library, several kilobytes of the pane's script budget.
 */
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { CheckmarkCircle20Regular, ErrorCircle20Regular, Info20Regular, Warning20Regular } from "@fluentui/react-icons";
import { useId, type ReactNode } from "react";

export type NoticeIntent = "error" | "warning" | "info" | "success";

const ICONS = {
  error: ErrorCircle20Regular,
  warning: Warning20Regular,
  info: Info20Regular,
  success: CheckmarkCircle20Regular,
} as const;

/** Griffel takes no border shorthands: one value on the four sides. */
const sides = (property: "Color" | "Style" | "Width", value: string) =>
  Object.fromEntries(["Top", "Right", "Bottom", "Left"].map((side) => [`border${side}${property}`, value]));
const edges = (color: string) => sides("Color", color);

const useStyles = makeStyles({
  bar: {
    display: "flex",
    alignItems: "flex-start",
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    ...sides("Width", tokens.strokeWidthThin),
    ...sides("Style", "solid"),
    color: tokens.colorNeutralForeground1,
    overflowWrap: "anywhere",
    "@media (forced-colors: active)": edges("CanvasText"),
  },
  error: { backgroundColor: tokens.colorPaletteRedBackground1, ...edges(tokens.colorPaletteRedBorder1) },
  warning: {
    backgroundColor: tokens.colorPaletteDarkOrangeBackground1,
    ...edges(tokens.colorPaletteDarkOrangeBorder1),
  },
  info: { backgroundColor: tokens.colorNeutralBackground3, ...edges(tokens.colorNeutralStroke1) },
  success: { backgroundColor: tokens.colorPaletteGreenBackground1, ...edges(tokens.colorPaletteGreenBorder1) },
  icon: { flexShrink: 0, marginTop: "1px", "@media (forced-colors: active)": { color: "CanvasText" } },
  errorIcon: { color: tokens.colorPaletteRedForeground1 },
  warningIcon: { color: tokens.colorPaletteDarkOrangeForeground1 },
  infoIcon: { color: tokens.colorNeutralForeground3 },
  successIcon: { color: tokens.colorPaletteGreenForeground1 },
  body: { flexGrow: 1, minWidth: 0, fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300 },
  title: { fontWeight: tokens.fontWeightSemibold, marginRight: tokens.spacingHorizontalXS },
});

export interface NoticeProps {
  intent: NoticeIntent;
  title?: string;
  children?: ReactNode;
  /** A button at the end of the bar (Dismiss). */
  action?: ReactNode;
}

export function Notice({ intent, title, children, action }: NoticeProps) {
  const styles = useStyles();
  const titleId = useId();
  const Icon = ICONS[intent];
  return (
    <div
      role="group"
      aria-labelledby={title ? titleId : undefined}
      className={mergeClasses(styles.bar, styles[intent])}
    >
      <Icon aria-hidden className={mergeClasses(styles.icon, styles[`${intent}Icon`])} />
      <div className={styles.body}>
        {title ? (
          <span id={titleId} className={styles.title}>
            {title}
          </span>
        ) : null}
        {children}
      </div>
      {action}
    </div>
  );
}
