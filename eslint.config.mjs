// @ts-check
import js from "@eslint/js";
import tseslint from "typescript-eslint";

/** The engine stays pure: only relative imports that stay inside src/domain. */
const bareModule = {
  regex: "^[^.]",
  message: "src/domain is pure TypeScript: no Node, Office, React or other packages.",
};
const domainBoundary = (escape) => ({
  "no-restricted-imports": [
    "error",
    { patterns: [bareModule, { regex: escape, message: "src/domain must not import from other parts of src/." }] },
  ],
});

/** Each shell reaches the core, never another shell: the two adapters share only the domain's description. */
const shellBoundary = (...shells) => ({
  "no-restricted-imports": [
    "error",
    {
      patterns: shells.map((shell) => ({
        regex: `^(\\.\\./)+${shell}(/|$)`,
        message: `Adapters and shells meet only in src/domain: do not import src/${shell} here.`,
      })),
    },
  ],
});
const PORT_ONLY = "src/taskpane reaches Excel only through its port, src/taskpane/workbook.ts.";
const OFFICE_GLOBALS = ["Excel", "Office", "OfficeExtension"];
const OFFICE_NAMESPACE = `/^(${OFFICE_GLOBALS.join("|")})$/`;

export default tseslint.config(
  {
    ignores: [
      "node_modules/",
      "lib/",
      "build/",
      "dist/",
      "coverage/",
      "test/fixtures/",
      "**/*.js",
      "!eslint.config.mjs",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
    },
  },
  {
    // Prettier never splits strings or comments: keep every line at most 120 characters (issue 8).
    files: ["**/*.ts", "**/*.tsx", "**/*.js"],
    rules: { "max-len": ["error", { code: 120, ignoreUrls: true, ignoreRegExpLiterals: true }] },
  },
  { files: ["src/domain/*.ts"], rules: domainBoundary("^\\.\\./") },
  { files: ["src/xlsx/**/*.ts"], rules: shellBoundary("office", "taskpane", "commands", "cli") },
  { files: ["src/office/**/*.ts"], rules: shellBoundary("xlsx", "taskpane", "cli") },
  { files: ["src/cli/**/*.ts"], rules: shellBoundary("office", "taskpane", "commands") },
  { files: ["src/domain/*/*.ts"], rules: domainBoundary("^\\.\\./\\.\\./") },
  {
    files: ["src/domain/*/*/**/*.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        { selector: "Program", message: "Keep src/domain at most two levels deep so the import boundary holds." },
      ],
    },
  },
  // The pane only wires: its state is a reducer (state.ts), its requests in actions.ts; short functions.
  {
    files: ["src/taskpane/**/*.{ts,tsx}"],
    rules: { "max-lines-per-function": ["error", { max: 120, skipBlankLines: true, skipComments: true }] },
  },
  // The pane reaches Excel only through its port, src/taskpane/workbook.ts.
  {
    files: ["src/taskpane/**/*.{ts,tsx}"],
    ignores: ["src/taskpane/workbook.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { regex: "^[./]*office(/|$)", message: PORT_ONLY },
            { regex: "^(@microsoft/office-js|@types/office-js|office-js)(/|$)", message: PORT_ONLY },
          ],
        },
      ],
      "@typescript-eslint/triple-slash-reference": ["error", { path: "never", types: "never", lib: "never" }],
      "no-restricted-globals": ["error", ...OFFICE_GLOBALS.map((name) => ({ name, message: PORT_ONLY }))],
      // Office.js's types as types (Excel.Range, typeof Office), which no-restricted-globals does not see.
      "no-restricted-syntax": [
        "error",
        { selector: `TSQualifiedName > Identifier.left[name=${OFFICE_NAMESPACE}]`, message: PORT_ONLY },
        { selector: `TSTypeQuery > Identifier.exprName[name=${OFFICE_NAMESPACE}]`, message: PORT_ONLY },
      ],
    },
  },
  // The fake Excel runs in a browser page as well as in Node: relative imports only.
  {
    files: ["test/support/fakeExcel/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { regex: "^[^.]", message: "The fake Excel runs in the browser too: no Node modules or packages." },
          ],
        },
      ],
    },
  },
);
