/** A workbook file that cannot be read or written; the message is one line for the user. */
export class WorkbookFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WorkbookFileError";
  }
}
