/**
 * The small window in which the ribbon's "Check workplan" shows its outcome (dialog.html): what it
 * shows, carried in the page's query string, and how its page draws it. Its buttons only tell the
 * function file (`Office.context.ui.messageParent`, one of the two Office APIs a dialog may call),
 * which closes the window and, where it can, opens the pane.
 */

/** What the window shows: every word comes from the function file, already in the user's language. */
export interface DialogContent {
  heading: string;
  lines: string[];
  failed: boolean;
  /** The label of the Close button. */
  close: string;
  /** The label of the "Open the pane" button, or null where the pane cannot be opened from here. */
  openPane: string | null;
  /** Office's body colours (Office.context.officeTheme), or null for the page's own. */
  colors: { background: string; foreground: string } | null;
}

/** What the window's buttons send to the function file. */
export const DIALOG_SAYS = { close: "close", openPane: "open-pane" } as const;

const PARAM = "outcome";

/** The dialog page's address with the content in its query string. */
export function dialogUrl(base: string, content: DialogContent): string {
  const url = new URL("dialog.html", base);
  url.searchParams.set(PARAM, JSON.stringify(content));
  return url.href;
}

const isText = (value: unknown): value is string => typeof value === "string" && value.length > 0;
const isColor = (value: unknown): value is string => typeof value === "string" && /^#[0-9a-f]{6}$/i.test(value);

function colorsOf(value: unknown): DialogContent["colors"] {
  const colors = value as { background?: unknown; foreground?: unknown } | null;
  return colors && isColor(colors.background) && isColor(colors.foreground)
    ? { background: colors.background, foreground: colors.foreground }
    : null;
}

/** The content of a query string, or null when it holds none that can be shown (never throws). */
export function contentOf(search: string): DialogContent | null {
  let value: Partial<Record<keyof DialogContent, unknown>>;
  try {
    value = JSON.parse(new URLSearchParams(search).get(PARAM) ?? "null") as typeof value;
  } catch {
    return null;
  }
  if (!value || !isText(value.heading) || !isText(value.close)) return null;
  if (!Array.isArray(value.lines) || !value.lines.every(isText)) return null;
  return {
    heading: value.heading,
    lines: value.lines as string[],
    failed: value.failed === true,
    close: value.close,
    openPane: isText(value.openPane) ? value.openPane : null,
    colors: colorsOf(value.colors),
  };
}

function element<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, text = ""): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  node.textContent = text;
  return node;
}

/** Draws the content into `root`, focuses its first button, and sends what the buttons (and Escape) say. */
export function renderOutcome(root: HTMLElement, content: DialogContent, send: (said: string) => void): void {
  const doc = root.ownerDocument;
  doc.title = content.heading;
  if (content.colors) {
    doc.body.style.background = content.colors.background;
    doc.body.style.color = content.colors.foreground;
  }
  const heading = element(doc, "h1", content.heading);
  const lines = content.lines.map((line) => element(doc, "p", line));
  if (content.failed) lines[0]?.setAttribute("role", "alert");
  const buttons = element(doc, "div");
  buttons.className = "buttons";
  const button = (label: string, said: string) => {
    const node = element(doc, "button", label);
    node.type = "button";
    node.addEventListener("click", () => send(said));
    buttons.append(node);
    return node;
  };
  const first = content.openPane ? button(content.openPane, DIALOG_SAYS.openPane) : null;
  const close = button(content.close, DIALOG_SAYS.close);
  root.replaceChildren(heading, ...lines, buttons);
  // Escape may close Office's window without telling the function file: it closes it through the function file.
  doc.addEventListener("keydown", (event) => {
    if (event.key === "Escape") send(DIALOG_SAYS.close);
  });
  (first ?? close).focus();
}
