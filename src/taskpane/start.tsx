/** Starting the pane: waits for Office, then shows the pane in the Office theme, or says why it cannot. */
import { useEffect, useState } from "react";
import { createRoot, type Root } from "react-dom/client";
import { App, Themed, Unavailable } from "./App";
import { message as text } from "./messages";
import { currentTheme, watchTheme, type PaneTheme } from "./theme";
import { officeWorkbook, type ExcelRun, type PaneWorkbook } from "./workbook";

function FollowingTheme({ workbook }: { workbook: PaneWorkbook }) {
  const [theme, setTheme] = useState<PaneTheme>(currentTheme);
  useEffect(() => watchTheme(setTheme), []);
  return <App theme={theme} workbook={workbook} />;
}

function showUnavailable(root: Root, message: string, intent: "error" | "warning"): void {
  root.render(
    <Themed theme={currentTheme()}>
      <Unavailable intent={intent} title={text("start.title")} message={message} />
    </Themed>,
  );
}

/** What the pane uses of the global Office (Office.js's own type stays in the workbook port). */
interface OfficeHost {
  onReady(callback: (info: { host: unknown }) => void): unknown;
  HostType: { Excel: unknown };
}

interface Hosts {
  Office?: OfficeHost;
  Excel?: { run: ExcelRun };
}

/** Renders the pane into `element` once Office is ready; `hosts` defaults to the page's globals. */
export function start(element: HTMLElement, hosts: Hosts = globalThis as Hosts): Root {
  const root = createRoot(element);
  const office = hosts.Office;
  if (!office) {
    showUnavailable(root, text("start.noOffice"), "error");
    return root;
  }
  void office.onReady((info) => {
    const excel = hosts.Excel;
    if (info.host === office.HostType.Excel && excel)
      root.render(<FollowingTheme workbook={officeWorkbook(excel.run)} />);
    else showUnavailable(root, text("start.notExcel"), "warning");
  });
  return root;
}
