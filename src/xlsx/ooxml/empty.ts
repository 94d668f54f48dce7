/** A workbook with no sheet yet, for `init` to add its sheets to with the same operations as any write. */
import JSZip from "jszip";
import { WorkbookFileError } from "../errors";
import { CONTENT_TYPES_NS, MAIN_NS, openPackage, PACKAGE_REL_NS, REL_NS, type XlsxPackage } from "./package";
import { CONTENT_TYPE, DECLARATION, REL_TYPE } from "./session";
import { minimalStyles } from "./stylesEdit";

const CONTENT_TYPES =
  `${DECLARATION}<Types xmlns="${CONTENT_TYPES_NS}">` +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/xl/workbook.xml" ' +
  'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
  `<Override PartName="/xl/styles.xml" ContentType="${CONTENT_TYPE.styles}"/></Types>`;

const ROOT_RELS =
  `${DECLARATION}<Relationships xmlns="${PACKAGE_REL_NS}">` +
  `<Relationship Id="rId1" Type="${REL_TYPE("officeDocument")}" Target="xl/workbook.xml"/></Relationships>`;

const WORKBOOK =
  `${DECLARATION}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
  '<workbookPr defaultThemeVersion="164011"/><bookViews><workbookView activeTab="0"/></bookViews>' +
  '<sheets></sheets><calcPr calcId="191029"/></workbook>';

const WORKBOOK_RELS =
  `${DECLARATION}<Relationships xmlns="${PACKAGE_REL_NS}">` +
  `<Relationship Id="rId1" Type="${REL_TYPE("styles")}" Target="styles.xml"/></Relationships>`;

export async function emptyPackage(): Promise<XlsxPackage> {
  const zip = new JSZip();
  zip.file("[Content_Types].xml", CONTENT_TYPES);
  zip.file("_rels/.rels", ROOT_RELS);
  zip.file("xl/workbook.xml", WORKBOOK);
  zip.file("xl/_rels/workbook.xml.rels", WORKBOOK_RELS);
  zip.file("xl/styles.xml", minimalStyles());
  return openPackage(await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" }), "The new workbook");
}

/** The package's bytes: the parts the product changed, and every other part as it was stored. */
export async function writePackage(pkg: XlsxPackage): Promise<Buffer> {
  if (pkg.sheets.length === 0) throw new WorkbookFileError(`${pkg.fileName} has no sheet; Excel cannot open it.`);
  if (!pkg.sheets.some((sheet) => sheet.visibility === "visible")) {
    throw new WorkbookFileError(`${pkg.fileName} would have no visible sheet; Excel cannot open it.`);
  }
  return pkg.bytes();
}
