/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: { "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json" }] },
  // A guard against hangs on a loaded 2-core machine, not a timing assertion.
  testTimeout: 30000,
  // office-addin-mock needs only the OfficeApp enum of office-addin-manifest, whose main entry
  // pulls in ES modules jest cannot require.
  moduleNameMapper: { "^office-addin-manifest$": "<rootDir>/node_modules/office-addin-manifest/lib/officeApp.js" },
};
