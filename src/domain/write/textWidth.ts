/**
 * How wide a text prints, in the unit column widths are given in: the width of a digit of the
 * default font. Measured on DejaVu Sans, the font LibreOffice stands in for Calibri where Carlito
 * is missing (its advance widths, read from the font file, in hundredths of its digit '0'), so
 * that a row's height is worked out from the glyphs, not from a count of characters: a line of
 * "(arts. 6, 9)" is far narrower than one of "Mmmm".
 */

/** Advance widths of the characters from " " (32) to "~" (126): regular, then bold. */
const REGULAR = [
  50, 63, 72, 132, 100, 149, 123, 43, 61, 61, 79, 132, 50, 57, 50, 53, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100,
  53, 53, 132, 132, 132, 83, 157, 108, 108, 110, 121, 99, 90, 122, 118, 46, 46, 103, 88, 136, 118, 124, 95, 124, 109,
  100, 96, 115, 108, 155, 108, 96, 108, 61, 53, 61, 132, 79, 79, 96, 100, 86, 100, 97, 55, 100, 100, 44, 44, 91, 44,
  153, 100, 96, 100, 100, 65, 82, 62, 100, 93, 129, 93, 93, 83, 100, 53, 100, 132,
];
const BOLD = [
  55, 72, 82, 132, 109, 157, 137, 48, 72, 72, 82, 132, 60, 65, 60, 57, 109, 109, 109, 109, 109, 109, 109, 109, 109, 109,
  63, 63, 132, 132, 132, 91, 157, 122, 120, 115, 130, 107, 107, 129, 132, 58, 58, 122, 100, 156, 132, 134, 115, 134,
  121, 113, 107, 128, 122, 173, 121, 114, 114, 72, 57, 72, 132, 79, 79, 106, 113, 93, 113, 107, 68, 113, 112, 54, 54,
  105, 54, 164, 112, 108, 113, 113, 78, 94, 75, 112, 102, 145, 101, 102, 91, 112, 57, 112, 132,
];
/** Characters past "~" that the product writes (dashes, quotes, "§", "×"), regular and bold. */
const OTHERS: Record<string, readonly [number, number]> = {
  "—": [157, 157],
  "–": [79, 79],
  "“": [81, 103],
  "”": [81, 103],
  "‘": [50, 60],
  "’": [50, 60],
  "§": [79, 79],
  "×": [132, 132],
  "…": [157, 157],
};
/** Any other character (accented letters, other scripts): as wide as the widest lower-case letters. */
const OTHER_WIDTH = 130;

/** The width of `text` in digits of the default font, as DejaVu Sans (bold where `bold`) prints it. */
export function textWidth(text: string, bold = false): number {
  const table = bold ? BOLD : REGULAR;
  let hundredths = 0;
  for (const character of text) {
    const code = character.codePointAt(0) ?? 0;
    const other = OTHERS[character];
    hundredths +=
      code >= 32 && code <= 126 ? (table[code - 32] ?? OTHER_WIDTH) : other ? other[bold ? 1 : 0] : OTHER_WIDTH;
  }
  return hundredths / 100;
}
