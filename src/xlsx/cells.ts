/** Cell values as the engine reads them: string, number, boolean, Date or null. */
export type PlainValue = string | number | boolean | Date | null;
