/**
 * The pane's per-user preferences, kept in the browser's storage for the add-in's origin (each
 * user's own, never in the workbook: document settings travel with the file to every co-author).
 */
const AUTO_CHECK_KEY = "workplan-checker:auto-check";

type Store = Pick<Storage, "getItem" | "setItem">;

function store(): Store | null {
  try {
    return (globalThis as { localStorage?: Store }).localStorage ?? null;
  } catch {
    // Storage can be refused (privacy settings); the preference then lasts while the pane is open.
    return null;
  }
}

export function loadAutoCheck(storage: Store | null = store()): boolean {
  try {
    return storage?.getItem(AUTO_CHECK_KEY) === "on";
  } catch {
    return false;
  }
}

export function saveAutoCheck(on: boolean, storage: Store | null = store()): void {
  try {
    storage?.setItem(AUTO_CHECK_KEY, on ? "on" : "off");
  } catch {
    // See store().
  }
}
