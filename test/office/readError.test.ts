/** A refused request in words that fit it: a read that Excel refuses is not called a refused change. */
import { userError } from "../../src/office/run";

const refused = Object.assign(new Error("The sheet is protected."), { code: "AccessDenied" });

describe("userError", () => {
  it("explains a refused read as refused access, not as a change Excel refused", () => {
    const read = userError(refused, "action.read", "read").message;
    expect(read).toMatch(/^Could not read the workbook\. Excel refused the add-in access to the workbook's contents\./);
    expect(read).not.toMatch(/refused the change|Unprotect/);
    expect(read).toMatch(/\(Excel said: AccessDenied: The sheet is protected\.\)$/);
  });

  it("keeps the advice for a refused change where the request writes", () => {
    expect(userError(refused, "action.check").message).toMatch(
      /^Could not check the workbook\. Excel refused the change: .*Unprotect/,
    );
  });

  it("gives a read the same advice as a change for the other codes", () => {
    const busy = Object.assign(new Error("busy"), { code: "InvalidOperationInCellEditMode" });
    expect(userError(busy, "action.read", "read").message).toMatch(/Excel is editing a cell/);
  });
});

describe("userError's words from the catalogue", () => {
  it("names the cell it could not go to", () => {
    const gone = Object.assign(new Error("busy"), { code: "Conflict" });
    expect(userError(gone, "action.goTo", "change", { sheet: "Workplan", cell: "D7" }).message).toBe(
      "Could not go to Workplan!D7. Someone else changed the workbook at the same time. Wait a moment, then try " +
        "again. (Excel said: Conflict: busy)",
    );
  });

  it("gives the general advice for a code it does not know, even one named like a member of every object", () => {
    for (const code of ["SomethingNew", "constructor", "toString"]) {
      const message = userError(Object.assign(new Error("x"), { code }), "action.check").message;
      expect(message).toBe(
        "Could not check the workbook. Excel could not finish. Save the workbook and try again; if it keeps " +
          `failing, reopen the workbook or run the command-line check on a copy of the file. (Excel said: ${code}: x)`,
      );
    }
  });
});
