/** What the Bureau's tests share: the test workbook and the Sources table's name. */
import { SOURCES } from "../../../src/domain/layout";

export { CLUSTERS, Workbook } from "../workbook";
export const SOURCES_TABLE = SOURCES.table;
