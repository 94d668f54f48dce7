/// <reference types="office-js" />
/** The task pane's entry: waits for Office, then shows the pane in the Office theme. */
import { useEffect, useState } from "react";
import { createRoot } from "react-dom/client";
import { App, Themed, Unavailable } from "./App";
import { currentTheme, watchTheme, type PaneTheme } from "./theme";
import { officeWorkbook, type PaneWorkbook } from "./workbook";

function FollowingTheme({ workbook }: { workbook: PaneWorkbook }) {
  const [theme, setTheme] = useState<PaneTheme>(currentTheme);
  useEffect(() => watchTheme(setTheme), []);
  return <App theme={theme} workbook={workbook} />;
}

function showOutsideExcel(root: ReturnType<typeof createRoot>, message: string): void {
  root.render(
    <Themed theme={currentTheme()}>
      <Unavailable title="Open this pane in Excel" message={message} />
    </Themed>,
  );
}

const element = document.getElementById("root");
if (element) {
  const root = createRoot(element);
  if (typeof Office === "undefined") {
    showOutsideExcel(root, "Office.js did not load. Check the network connection, then close the pane and open it again (Home > Workplan).");
  } else {
    void Office.onReady((info) => {
      if (info.host === Office.HostType.Excel && typeof Excel !== "undefined") {
        root.render(<FollowingTheme workbook={officeWorkbook(Excel.run)} />);
      } else {
        showOutsideExcel(root, "Workplan Checker works in Excel: open the workplan workbook in Excel (desktop or on the web), then Home > Workplan.");
      }
    });
  }
}
