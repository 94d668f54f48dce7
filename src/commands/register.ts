/**
 * The ribbon's "Check workplan" button, associated with its function at the top level of the pane's script, as
 * Microsoft's function-command samples do: in the shared runtime of manifest.xml, taskpane.html is the function file
 * too. The command's own code (commands.ts: the check's outcome and its window) is a chunk loaded when the button is
 * pressed, so the pane's first load does not carry it. Kept small: every byte here is in the pane's first load.
 */
import type { CommandEvent, CommandOptions } from "./commands";
import type { ExcelRun } from "../office/run";

interface Hosts {
  Office?: {
    onReady(callback?: () => void): unknown;
    actions?: { associate(id: string, action: (event: CommandEvent) => unknown): void };
  };
  Excel?: { run: ExcelRun };
}

/** Loads the command and runs it; Excel waits for `completed()`, so it is called if the code cannot load. */
const runCommand = (hosts: Hosts, event: CommandEvent) =>
  import(/* webpackChunkName: "ribbon" */ "./commands").then(
    ({ checkWorkplan }) => checkWorkplan(event, hosts.Excel?.run, { office: hosts.Office as CommandOptions["office"] }),
    (error: unknown) => {
      console.error(error);
      event.completed();
    },
  );

/**
 * Associates the manifest's function id with the check, at once; only where Office.js cannot take it yet, once
 * Office is ready. A failure to associate goes to the console, the only place a function file can show it.
 */
export function register(hosts: Hosts = globalThis as Hosts): void {
  const office = hosts.Office;
  const associate = (): boolean => {
    if (!office?.actions) return false;
    try {
      office.actions.associate("checkWorkplan", (event) => runCommand(hosts, event));
    } catch (error) {
      console.error(error);
    }
    return true;
  };
  if (office && !associate()) void office.onReady(() => void associate());
}
