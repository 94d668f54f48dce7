/** Test helper: the order of a worksheet's children, checked against the schema (a wrong order is a corrupt file). */
import { WORKSHEET_ORDER } from "../../src/xlsx/ooxml/docEditor";

/** The local names of the worksheet's children, checked to be in CT_Worksheet's order. */
export function topLevelOrder(xml: string): string[] {
  const names: string[] = [];
  let depth = 0;
  for (const match of xml.matchAll(/<(\/?)([\w.]+:)?([\w.]+)[^>]*?(\/?)>/g)) {
    const [, closing, , local = "", selfClosing] = match;
    if (closing) depth--;
    else {
      if (depth === 1) names.push(local);
      if (!selfClosing) depth++;
    }
  }
  const ranks = names.map((name) => WORKSHEET_ORDER.indexOf(name)).filter((rank) => rank >= 0);
  expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  return names;
}
