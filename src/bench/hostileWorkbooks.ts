/**
 * Hostile workbooks, made in memory from a workbook's bytes (never committed as files): long and
 * adversarial cells, huge attributes and ranges, entity tricks, zip bombs, bad checksums,
 * prototype-named relationship types, truncated and non-xlsx files. The tests feed each one to the
 * package reader and to the command line; the bench times the command line's check on each
 * (`check_hostile_max_ms`). A development tool: compiled into `build/` by tsconfig.bench.json,
 * never into the command line's `lib/`.
 */
import { crc32, deflateRawSync } from "node:zlib";
import JSZip from "jszip";
import { applyOps, openPackage, writePackage } from "../xlsx";

/** One hostile workbook: what it is, and how to make its bytes. */
export type HostileWorkbook = [name: string, make: () => Promise<Buffer>];

/** The Workplan sheet's part in the default workbook (test/fixtures/default.xlsx). */
const WORKPLAN_PART = "xl/worksheets/sheet1.xml";

/** What a zip bomb's one part inflates to: more than the package reader lets a part grow. */
const BOMB_BYTES = 70 * 1024 * 1024;

async function rezip(
  base: Buffer,
  change: (zip: JSZip) => Promise<void> | void,
  compression: "STORE" | "DEFLATE" = "DEFLATE",
): Promise<Buffer> {
  const zip = await JSZip.loadAsync(base);
  await change(zip);
  return zip.generateAsync({ type: "nodebuffer", compression });
}

async function editPart(zip: JSZip, part: string, edit: (xml: string) => string): Promise<void> {
  zip.file(part, edit((await zip.file(part)?.async("string")) ?? ""));
}

function notesPart(count: number): string {
  const comments: string[] = [];
  for (let i = 0; i < count; i++) {
    comments.push(`<comment ref="Z${i + 100}" authorId="0"><text><t>note ${i}</t></text></comment>`);
  }
  return (
    '<?xml version="1.0" encoding="UTF-8"?><comments ' +
    'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
    `<authors><author>someone</author></authors><commentList>${comments.join("")}</commentList></comments>`
  );
}

/** Overwrites the checksum of one stored entry (local header and central directory). */
function corruptCrc(bytes: Buffer, name: string): Buffer {
  const out = Buffer.from(bytes);
  const encoded = Buffer.from(name);
  for (let at = out.indexOf(encoded); at >= 0; at = out.indexOf(encoded, at + 1)) {
    if (out.readUInt32LE(at - 30) === 0x04034b50) out.writeUInt32LE(0xdeadbeef, at - 30 + 14);
    if (out.readUInt32LE(at - 46) === 0x02014b50) out.writeUInt32LE(0xdeadbeef, at - 46 + 16);
  }
  return out;
}

/**
 * A zip written here, entry by entry, with node's zlib (JSZip's own deflate takes seconds for a
 * bomb); `sizeOf` may make an entry's headers lie about its expanded size.
 */
function zipOf(entries: Map<string, Buffer>, sizeOf: (name: string, size: number) => number = (_, n) => n): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of entries) {
    const packed = deflateRawSync(data);
    const fileName = Buffer.from(name);
    const header = (signature: number, central: boolean): Buffer => {
      const head = Buffer.alloc(central ? 46 : 30);
      head.writeUInt32LE(signature, 0);
      const at = central ? 6 : 4;
      if (central) head.writeUInt16LE(20, 4);
      head.writeUInt16LE(20, at);
      head.writeUInt16LE(8, at + 4);
      head.writeUInt32LE(crc32(data) >>> 0, at + 10);
      head.writeUInt32LE(packed.length, at + 14);
      head.writeUInt32LE(sizeOf(name, data.length), at + 18);
      head.writeUInt16LE(fileName.length, at + 22);
      if (central) head.writeUInt32LE(offset, 42);
      return head;
    };
    centrals.push(header(0x02014b50, true), fileName);
    const local = Buffer.concat([header(0x04034b50, false), fileName, packed]);
    locals.push(local);
    offset += local.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.size, 8);
  end.writeUInt16LE(entries.size, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** The base workbook with a shared-strings part of 70 MB of spaces; `understated` makes its headers say 1,000. */
export async function zipBomb(base: Buffer, understated: boolean): Promise<Buffer> {
  const zip = await JSZip.loadAsync(base);
  const entries = new Map<string, Buffer>();
  for (const file of Object.values(zip.files)) if (!file.dir) entries.set(file.name, await file.async("nodebuffer"));
  entries.set("xl/sharedStrings.xml", Buffer.alloc(BOMB_BYTES, 0x20));
  return zipOf(entries, (name, size) => (understated && name === "xl/sharedStrings.xml" ? 1000 : size));
}

function editTableRefs(base: Buffer, edit: (xml: string) => string): Promise<Buffer> {
  return rezip(base, async (zip) => {
    for (const name of Object.keys(zip.files).filter((n) => n.startsWith("xl/tables/"))) {
      await editPart(zip, name, edit);
    }
  });
}

async function withManyNotes(base: Buffer, count: number): Promise<Buffer> {
  const zip = await JSZip.loadAsync(base);
  const rels = "xl/worksheets/_rels/sheet1.xml.rels";
  const existing = (await zip.file(rels)?.async("string")) ?? "";
  const rel =
    '<Relationship Id="rIdN" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" ' +
    'Target="../comments9.xml"/>';
  zip.file(
    rels,
    existing
      ? existing.replace("</Relationships>", `${rel}</Relationships>`)
      : `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rel}</Relationships>`,
  );
  zip.file("xl/comments9.xml", notesPart(count));
  await editPart(zip, "[Content_Types].xml", (xml) =>
    xml.replace(
      "</Types>",
      '<Override PartName="/xl/comments9.xml" ' +
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"/></Types>',
    ),
  );
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

/** The hostile corpus, made from `base`: the default workbook (test/fixtures/default.xlsx). */
export function hostileWorkbooks(base: Buffer): HostileWorkbook[] {
  return [
    [
      "100,000-character cells",
      async () => {
        const pkg = await openPackage(base);
        const long = "8, 12 and ".repeat(10_000);
        applyOps(pkg, [{ op: "setValues", sheet: "Workplan", top: 2, left: 4, values: [[long, long, long]] }]);
        return writePackage(pkg);
      },
    ],
    [
      "a 300 KB attribute",
      () =>
        rezip(base, (zip) =>
          editPart(zip, WORKPLAN_PART, (xml) =>
            xml.replace("<worksheet ", `<worksheet data-x="${"a".repeat(300_000)}" `),
          ),
        ),
    ],
    ["a zip bomb (a 70 MB part)", () => zipBomb(base, false)],
    ["a zip bomb that understates its size", () => zipBomb(base, true)],
    [
      "a character reference past Unicode (&#x110000;)",
      () =>
        rezip(base, (zip) =>
          editPart(zip, WORKPLAN_PART, (xml) =>
            xml.replace(
              "<sheetData>",
              '<sheetData><!-- x --><row r="99"><c r="A99" t="inlineStr"><is><t>&#x110000;</t></is></c></row>',
            ),
          ),
        ),
    ],
    [
      "relationship types ending in /__proto__ and /constructor",
      () =>
        rezip(base, (zip) =>
          editPart(zip, "xl/_rels/workbook.xml.rels", (xml) =>
            xml.replace(
              "</Relationships>",
              '<Relationship Id="rIdP" ' +
                'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/__proto__" ' +
                'Target="x.xml"/>' +
                '<Relationship Id="rIdC" Type="http://example.org/constructor" Target="/__proto__"/></Relationships>',
            ),
          ),
        ),
    ],
    [
      "a table ref A1:F99999999",
      () => editTableRefs(base, (xml) => xml.replace(/ref="([A-Z]+\d+):([A-Z]+)\d+"/g, 'ref="$1:$299999999"')),
    ],
    [
      "whole-column tables",
      () => editTableRefs(base, (xml) => xml.replace(/ref="([A-Z]+)\d+:([A-Z]+)\d+"/g, 'ref="$11:$21048576"')),
    ],
    ["20,000 notes", () => withManyNotes(base, 20_000)],
    ["a bad CRC", async () => corruptCrc(await rezip(base, () => undefined, "STORE"), "xl/workbook.xml")],
    ["a truncated zip", async () => base.subarray(0, 5000)],
    ["a text file", async () => Buffer.from("Meeting,Year\n15,2027\n")],
    ["an empty file", async () => Buffer.alloc(0)],
    [
      "an old .xls (compound file)",
      async () => Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0]), Buffer.alloc(600)]),
    ],
    ["a zip without a workbook", async () => new JSZip().file("a.txt", "x").generateAsync({ type: "nodebuffer" })],
    ["a deflate stream that is not one", async () => deflateRawSync(Buffer.from("not a zip at all"))],
  ];
}
