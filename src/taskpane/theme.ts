/** The Office theme (light or dark) as the pane follows it: read when the pane opens and when it regains focus. */

export type PaneTheme = "light" | "dark";

interface OfficeThemeLike {
  bodyBackgroundColor?: string;
}

interface OfficeLike {
  context?: { officeTheme?: OfficeThemeLike };
}

/** Dark when the body background Office reports is dark ("#1f1f1f"), light otherwise. */
export function themeOf(officeTheme: OfficeThemeLike | undefined, prefersDark = false): PaneTheme {
  const match = /^#?([0-9a-f]{6})$/i.exec(officeTheme?.bodyBackgroundColor?.trim() ?? "");
  if (!match) return prefersDark ? "dark" : "light";
  const value = parseInt(match[1] ?? "ffffff", 16);
  const [r, g, b] = [(value >> 16) & 255, (value >> 8) & 255, value & 255];
  const luminance = (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
  return luminance < 0.5 ? "dark" : "light";
}

function office(): OfficeLike | undefined {
  return (globalThis as { Office?: OfficeLike }).Office;
}

function prefersDark(): boolean {
  return typeof matchMedia === "function" && matchMedia("(prefers-color-scheme: dark)").matches;
}

/** The theme Office reports now; outside Office, the browser's colour scheme. */
export function currentTheme(): PaneTheme {
  let officeTheme: OfficeThemeLike | undefined;
  try {
    officeTheme = office()?.context?.officeTheme;
  } catch {
    officeTheme = undefined;
  }
  return themeOf(officeTheme, prefersDark());
}

/**
 * Calls back with Office's theme each time the pane regains focus or becomes visible; returns the
 * function that stops. `Office.context.officeTheme` is documented for Excel on the web, Windows and
 * Mac; the OfficeThemeChanged event only for Outlook (docs/excel-behaviour.md, "The theme"), so the
 * pane reads the property again rather than wait for an event Excel may never raise.
 */
export function watchTheme(onChange: (theme: PaneTheme) => void): () => void {
  const again = () => {
    if (document.visibilityState !== "hidden") onChange(currentTheme());
  };
  window.addEventListener("focus", again);
  document.addEventListener("visibilitychange", again);
  return () => {
    window.removeEventListener("focus", again);
    document.removeEventListener("visibilitychange", again);
  };
}
