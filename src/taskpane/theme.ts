/** The Office theme (light or dark) as the pane follows it. */

export type PaneTheme = "light" | "dark";

interface OfficeThemeLike {
  bodyBackgroundColor?: string;
}

interface OfficeLike {
  context?: {
    officeTheme?: OfficeThemeLike;
    document?: {
      addHandlerAsync?(
        type: unknown,
        handler: (args: { officeTheme?: OfficeThemeLike }) => void,
        callback?: (result: unknown) => void,
      ): void;
    };
  };
  EventType?: { OfficeThemeChanged?: unknown };
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

/** Calls back when Office's theme changes, where the client reports it; silently nothing elsewhere. */
export function watchTheme(onChange: (theme: PaneTheme) => void): void {
  const host = office();
  const type = host?.EventType?.OfficeThemeChanged;
  if (type === undefined) return;
  try {
    host?.context?.document?.addHandlerAsync?.(
      type,
      (args) => onChange(themeOf(args.officeTheme ?? host?.context?.officeTheme)),
      () => undefined,
    );
  } catch {
    // Clients without the event keep the theme the pane opened with.
  }
}
