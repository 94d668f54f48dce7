/** The pane in the Office theme, with a fallback that never leaves the pane blank. */
import { Component, type ReactNode } from "react";
import {
  FluentProvider,
  makeStyles,
  mergeClasses,
  tokens,
  webDarkTheme,
  webLightTheme,
} from "@fluentui/react-components";
import { Pane } from "./Pane";
import type { ProposalSolver } from "./solver";
import type { PaneTheme } from "./theme";
import type { PaneWorkbook } from "./workbook";
import { message } from "./messages";
import { Notice } from "./components/Notice";

const useStyles = makeStyles({
  root: { minHeight: "100vh" },
  // The browser's own controls (the Meetings check boxes, the details markers) in the theme's scheme too.
  light: { colorScheme: "light" },
  dark: { colorScheme: "dark" },
  unavailable: { padding: tokens.spacingHorizontalM },
});

interface BoundaryState {
  error: Error | null;
}

/** Shows what went wrong instead of a blank pane if rendering itself fails. */
class PaneBoundary extends Component<{ children: ReactNode }, BoundaryState> {
  state: BoundaryState = { error: null };

  static getDerivedStateFromError(error: Error): BoundaryState {
    return { error };
  }

  render() {
    if (!this.state.error) return this.props.children;
    return (
      <Unavailable
        intent="error"
        title={message("pane.stopped")}
        message={message("pane.stoppedHow", { reason: this.state.error.message })}
      />
    );
  }
}

/** Why the pane cannot show the workplan, and what to do. */
export function Unavailable({
  title,
  message,
  intent,
}: {
  title: string;
  message: string;
  intent: "error" | "warning";
}) {
  const styles = useStyles();
  return (
    <div className={styles.unavailable}>
      <Notice intent={intent} title={title}>
        {message}
      </Notice>
    </div>
  );
}

export interface AppProps {
  theme: PaneTheme;
  children: ReactNode;
}

/** The Fluent theme that matches Office's, around whatever the pane shows. */
export function Themed({ theme, children }: AppProps) {
  const styles = useStyles();
  return (
    <FluentProvider
      theme={theme === "dark" ? webDarkTheme : webLightTheme}
      className={mergeClasses(styles.root, styles[theme])}
      data-theme={theme}
    >
      <PaneBoundary>{children}</PaneBoundary>
    </FluentProvider>
  );
}

export function App({
  theme,
  workbook,
  solver,
}: {
  theme: PaneTheme;
  workbook: PaneWorkbook;
  solver?: ProposalSolver;
}) {
  return (
    <Themed theme={theme}>
      <Pane workbook={workbook} solver={solver} />
    </Themed>
  );
}
