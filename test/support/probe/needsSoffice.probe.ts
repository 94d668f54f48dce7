/** Run only by test/support/tools.test.ts, in a child jest with PATH emptied: a suite that needs LibreOffice. */
import { requireTool } from "../tools";

requireTool("soffice")("a suite that needs LibreOffice", () => {
  it("is skipped, or fails under CI, when soffice is missing", () => {
    throw new Error("this test ran although soffice is not on PATH");
  });
});
