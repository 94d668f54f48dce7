/** A refused request in words that fit it: a read that Excel refuses is not called a refused change. */
import { userError } from "../../src/office/run";

const refused = Object.assign(new Error("The sheet is protected."), { code: "AccessDenied" });

describe("userError", () => {
  it("explains a refused read as refused access, not as a change Excel refused", () => {
    const read = userError(refused, "read the workbook", "read").message;
    expect(read).toMatch(/^Could not read the workbook\. Excel refused the add-in access to the workbook's contents\./);
    expect(read).not.toMatch(/refused the change|Unprotect/);
    expect(read).toMatch(/\(Excel said: AccessDenied: The sheet is protected\.\)$/);
  });

  it("keeps the advice for a refused change where the request writes", () => {
    expect(userError(refused, "check the workbook").message).toMatch(
      /^Could not check the workbook\. Excel refused the change: .*Unprotect/,
    );
  });

  it("gives a read the same advice as a change for the other codes", () => {
    const busy = Object.assign(new Error("busy"), { code: "InvalidOperationInCellEditMode" });
    expect(userError(busy, "read the workbook", "read").message).toMatch(/Excel is editing a cell/);
  });
});
