import { FLAGS_SHEET } from "../domain/annotations";

const FLAGS_REFERENCE = new RegExp(`(^|[^\\w.])'?${FLAGS_SHEET}'?!`, "i");

/** Whether a formula reads the flags sheet, which marks a conditional format as the product's. */
export function referencesFlags(formula: string): boolean {
  return FLAGS_REFERENCE.test(formula);
}
