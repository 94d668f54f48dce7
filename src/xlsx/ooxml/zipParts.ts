/**
 * The zip container: parts read with a cap on their decompressed size (each and in total), their
 * checksum verified, their text decoded as the XML declares it (UTF-8 or UTF-16) and encoded back
 * the same way when the product changes a part. Parts never read are copied as they were stored.
 */
import { crc32, inflateRawSync } from "node:zlib";
import JSZip from "jszip";
import { WorkbookFileError } from "../errors";

/** A part larger than this, decompressed, is refused: no real workbook's XML part comes near it. */
export const PART_CAP = 64 * 1024 * 1024;
/** The parts the product reads, together, decompressed. */
export const TOTAL_CAP = 256 * 1024 * 1024;

const COMPOUND_FILE = [0xd0, 0xcf, 0x11, 0xe0];

export type TextEncoding = "utf8" | "utf16le" | "utf16be";

export interface PartText {
  text: string;
  encoding: TextEncoding;
  bom: boolean;
}

interface CompressedData {
  uncompressedSize?: number;
  crc32?: number;
  /** JSZip's compression method: its `magic` is the method's two bytes in the zip header. */
  compression?: { magic?: string };
  compressedContent?: unknown;
}

const STORED = "\x00\x00";
const DEFLATED = "\x08\x00";

/** What JSZip read of a part from the package (its internals: no public API gives them). */
function compressedData(file: JSZip.JSZipObject): CompressedData {
  return (file as unknown as { _data?: CompressedData })._data ?? {};
}

function declaredSize(file: JSZip.JSZipObject): number {
  return compressedData(file).uncompressedSize ?? 0;
}

function declaredCrc(file: JSZip.JSZipObject): number | undefined {
  return compressedData(file).crc32;
}

export async function openZip(bytes: Uint8Array, fileName: string): Promise<JSZip> {
  if (COMPOUND_FILE.every((b, i) => bytes[i] === b)) {
    throw new WorkbookFileError(
      `${fileName} is not an .xlsx workbook (it is password-protected or an old .xls file; ` +
        "save it as .xlsx without a password).",
    );
  }
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
    throw new WorkbookFileError(`${fileName} is not an .xlsx workbook (it is not a zip package).`);
  }
  try {
    return await JSZip.loadAsync(bytes);
  } catch (error) {
    const reason = (error as Error).message.replace(/\s+/g, " ");
    throw new WorkbookFileError(`${fileName} is not an .xlsx workbook (it is not a readable zip package: ${reason}).`);
  }
}

function tooLarge(fileName: string, part: string): WorkbookFileError {
  return new WorkbookFileError(
    `${fileName} cannot be read: its part ${part} expands to more than ${PART_CAP / 1024 / 1024} MB ` +
      `(or all the parts read to more than ${TOTAL_CAP / 1024 / 1024} MB); it may be a zip bomb.`,
  );
}

/** Reads parts within the caps; one budget per package. */
export class PartReader {
  private used = 0;

  constructor(private readonly fileName: string) {}

  async bytes(file: JSZip.JSZipObject): Promise<Uint8Array> {
    if (declaredSize(file) > PART_CAP || this.used + declaredSize(file) > TOTAL_CAP)
      throw tooLarge(this.fileName, file.name);
    const data = this.inflated(file) ?? (await this.stream(file));
    const expected = declaredCrc(file);
    if (expected !== undefined && crc32(data) >>> 0 !== expected >>> 0) {
      throw new WorkbookFileError(`${this.fileName} is damaged: the checksum of its part ${file.name} is wrong.`);
    }
    return data;
  }

  /**
   * The part inflated by Node's zlib, several times faster than JSZip's inflate in JavaScript (a
   * zip bomb's 64 MB took a second); null where JSZip is to read it as before: a part it holds in
   * another form, or one that does not inflate to its declared size (a damaged part is named as before).
   */
  private inflated(file: JSZip.JSZipObject): Uint8Array | null {
    const { compression, compressedContent } = compressedData(file);
    if (!(compressedContent instanceof Uint8Array)) return null;
    const room = Math.min(PART_CAP, TOTAL_CAP - this.used);
    let data: Uint8Array;
    if (compression?.magic === STORED) data = Buffer.from(compressedContent);
    else if (compression?.magic !== DEFLATED) return null;
    else {
      try {
        data = inflateRawSync(compressedContent, { maxOutputLength: Math.max(1, room) });
      } catch (error) {
        if ((error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") throw tooLarge(this.fileName, file.name);
        return null;
      }
    }
    if (data.length > room) throw tooLarge(this.fileName, file.name);
    if (data.length !== declaredSize(file)) return null;
    this.used += data.length;
    return data;
  }

  private stream(file: JSZip.JSZipObject): Promise<Uint8Array> {
    return new Promise((resolve, reject) => {
      const chunks: Uint8Array[] = [];
      let size = 0;
      let failed = false;
      const helper = (
        file as unknown as {
          internalStream(type: "uint8array"): {
            on(event: string, callback: (chunk: Uint8Array) => void): unknown;
            pause(): void;
            resume(): void;
          };
        }
      ).internalStream("uint8array");
      const fail = (error: Error): void => {
        if (failed) return;
        failed = true;
        helper.pause();
        reject(error);
      };
      helper.on("data", (chunk) => {
        size += chunk.length;
        this.used += chunk.length;
        if (size > PART_CAP || this.used > TOTAL_CAP) fail(tooLarge(this.fileName, file.name));
        else chunks.push(chunk);
      });
      helper.on("error", (error) =>
        fail(
          new WorkbookFileError(
            `${this.fileName} is damaged: its part ${file.name} cannot be decompressed ` +
              `(${String((error as unknown as Error).message ?? error).replace(/\s+/g, " ")}).`,
          ),
        ),
      );
      helper.on("end", () => {
        if (!failed) resolve(Buffer.concat(chunks));
      });
      helper.resume();
    });
  }
}

export function decodeText(bytes: Uint8Array): PartText {
  const [b0, b1, b2] = [bytes[0], bytes[1], bytes[2]];
  if (b0 === 0xff && b1 === 0xfe)
    return { text: decode(bytes.subarray(2), "utf-16le"), encoding: "utf16le", bom: true };
  if (b0 === 0xfe && b1 === 0xff)
    return { text: decode(bytes.subarray(2), "utf-16be"), encoding: "utf16be", bom: true };
  if (b0 === 0x3c && b1 === 0x00) return { text: decode(bytes, "utf-16le"), encoding: "utf16le", bom: false };
  if (b0 === 0x00 && b1 === 0x3c) return { text: decode(bytes, "utf-16be"), encoding: "utf16be", bom: false };
  const bom = b0 === 0xef && b1 === 0xbb && b2 === 0xbf;
  return { text: decode(bom ? bytes.subarray(3) : bytes, "utf-8"), encoding: "utf8", bom };
}

function decode(bytes: Uint8Array, label: string): string {
  return new TextDecoder(label).decode(bytes);
}

export function encodeText(text: string, encoding: TextEncoding, bom: boolean): Uint8Array {
  if (encoding === "utf8") {
    const body = Buffer.from(text, "utf8");
    return bom ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]) : body;
  }
  const le = Buffer.from(text, "utf16le");
  if (encoding === "utf16be") le.swap16();
  const mark = encoding === "utf16le" ? [0xff, 0xfe] : [0xfe, 0xff];
  return bom ? Buffer.concat([Buffer.from(mark), le]) : le;
}
