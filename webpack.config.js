// Builds the add-in into dist/ (or --env outDir=…): taskpane.html (the pane, and the ribbon's function file: one
// shared runtime, manifest.xml) and dialog.html (the ribbon check's outcome window) with their bundles, the icons,
// and manifest.xml. Production,
// and `npm start` (--env officeJs=cdn), load Office.js from Microsoft's CDN; other development
// builds (tests, end-to-end runs), and any build with OFFICE_JS=local, serve it from @microsoft/office-js.
// ADDIN_URL=https://host/path/ rewrites the manifest's https://localhost:3000/ URLs.
const fs = require("node:fs");
const path = require("node:path");
const { sources } = require("webpack");
const {
  LOCAL_OFFICE_DIR,
  OFFICE_JS_CDN,
  addinUrl,
  localOfficeFiles,
  page,
  rewriteManifest,
} = require("./scripts/addin-build");

const PAGES = [
  {
    entry: "taskpane",
    title: "Workplan Checker",
    body: '<div id="root"><p style="margin:12px">Loading Workplan Checker…</p></div>\n<noscript>Workplan Checker needs JavaScript.</noscript>',
  },
  // The ribbon check's outcome window: its tiny script (src/commands/dialog.ts) fills <main> from the query string.
  {
    entry: "dialog",
    title: "Workplan Checker",
    body:
      "<style>main{margin:16px 20px;line-height:1.4}h1{font-size:18px;margin:0 0 8px}" +
      ".buttons{display:flex;gap:8px;margin-top:16px}button{font:inherit;padding:4px 12px}</style>\n" +
      '<main id="outcome"><p>Workplan Checker: the outcome of the check is on the Conflicts sheet.</p></main>',
  },
];

/** Emits the pages, the icons, the manifest and (for local Office.js) its files. */
class AddinFilesPlugin {
  constructor(options) {
    this.options = options;
  }

  apply(compiler) {
    const { officeJs, localOffice, url } = this.options;
    compiler.hooks.thisCompilation.tap("AddinFiles", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "AddinFiles", stage: compilation.constructor.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          for (const { entry, title, body } of PAGES) {
            const entrypoint = compilation.entrypoints.get(entry);
            const scripts = entrypoint ? entrypoint.getFiles().filter((file) => file.endsWith(".js")) : [];
            compilation.emitAsset(`${entry}.html`, new sources.RawSource(page({ title, officeJs, scripts, body })));
          }
          // Copied as they are: a production build must not minify Office.js again (nor the icons).
          const copy = (from, to) => {
            compilation.fileDependencies.add(from);
            compilation.emitAsset(to, new sources.RawSource(fs.readFileSync(from)), { minimized: true, copied: true });
          };
          for (const name of fs.readdirSync(path.join(__dirname, "assets"))) {
            if (/^icon-\d+\.png$/.test(name)) copy(path.join(__dirname, "assets", name), `assets/${name}`);
          }
          const manifest = path.join(__dirname, "manifest.xml");
          compilation.fileDependencies.add(manifest);
          compilation.emitAsset(
            "manifest.xml",
            new sources.RawSource(rewriteManifest(fs.readFileSync(manifest, "utf8"), url)),
          );
          if (localOffice) for (const { from, to } of localOfficeFiles(__dirname)) copy(from, to);
        },
      );
    });
  }
}

module.exports = (env = {}, argv = {}) => {
  const mode = argv.mode ?? env.mode ?? "development";
  const production = mode === "production";
  let url;
  try {
    url = addinUrl(process.env.ADDIN_URL);
  } catch (error) {
    if (env.throwOnError) throw error;
    console.error(error.message);
    process.exit(2);
  }
  // `npm start` passes officeJs=cdn: sideloaded, the host answers isSetSupported for the newest
  // requirement sets, and only Microsoft's CDN has the Excel library that implements them.
  const localOffice = process.env.OFFICE_JS === "local" || (!production && env.officeJs !== "cdn");
  return {
    mode,
    // proposeWorker.js: the pane's proposal solver in a Web Worker (src/taskpane/solver.ts starts it by this name, beside
    // taskpane.html); no page loads it. The solver in the pane, for hosts without workers, is a chunk loaded on demand,
    // and so is the ribbon command's code (ribbon.js), which the pane's script loads when the button is pressed.
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      dialog: "./src/commands/dialog.ts",
      proposeWorker: "./src/taskpane/proposeWorker.ts",
    },
    output: {
      path: path.resolve(env.outDir ?? path.join(__dirname, "dist")),
      filename: "[name].js",
      chunkFilename: "[name].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    // Modern output compressed harder: the pane's script must stay under its 150,000-byte budget.
    optimization: {
      minimizeOptions: {
        javascript: {
          ecma: 2020,
          module: true,
          compress: { passes: 3, ecma: 2020 },
          format: { comments: false },
        },
      },
    },
    module: {
      rules: [
        // src/domain is pure (an ESLint rule holds it to that), and src/office's modules do nothing when imported: what
        // the pane does not use of them, such as the proposal solver that runs in the worker, stays out of the pane's
        // script, and what it loads when asked (the diagnostics, setting a workbook up) stays in its own chunk.
        { test: /[\\/]src[\\/](domain|office)[\\/]/, sideEffects: false },
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: [
            // The pane's makeStyles() calls compiled to CSS at build time (Griffel's own loader, as Fluent UI advises
            // for production): the pane's script then carries no CSS compiler of its own (stylis, rtl-css-js).
            {
              loader: "@griffel/webpack-loader",
              options: { babelOptions: { presets: ["@babel/preset-typescript"] } },
            },
            {
              loader: "ts-loader",
              // ES modules reach webpack untouched, so that it can drop what the pane does not use.
              options: {
                configFile: "tsconfig.json",
                transpileOnly: true,
                compilerOptions: { module: "esnext", sourceMap: !production },
              },
            },
          ],
        },
      ],
    },
    devtool: production ? false : "source-map",
    performance: { hints: false },
    plugins: [
      new AddinFilesPlugin({
        officeJs: localOffice ? `${LOCAL_OFFICE_DIR}/office.js` : OFFICE_JS_CDN,
        localOffice,
        url,
      }),
    ],
  };
};
