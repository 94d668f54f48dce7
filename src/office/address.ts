/** A1 addresses as Office.js hands them over ("'My sheet'!A1:F11") and as the adapter writes them. */
import { areaOfAddress, type Area } from "../domain/areas";

export { areaAddress, areaOf, quoteSheet, sheetOfAddress, subtractArea, type Area } from "../domain/areas";

/** "Sheet!B2:D5", "B2:D5" or "B2" → the area; throws on anything else (whole rows or columns). */
export function parseArea(address: string): Area {
  const area = areaOfAddress(address);
  if (!area) throw new Error(`Excel returned an address the add-in cannot read: "${address}".`);
  return area;
}
