// Helpers of the add-in build (webpack.config.js) and of `npm start` (scripts/serve.js):
// the deployment URL, the manifest rewritten to it, and the pages that load the bundles.
const fs = require("node:fs");
const path = require("node:path");

/** Where the manifest says the add-in is served during development. */
const DEV_URL = "https://localhost:3000/";
const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
/** Folder of dist/ that holds Office.js from @microsoft/office-js for development and tests. */
const LOCAL_OFFICE_DIR = "office-js";

/** ADDIN_URL checked: undefined or empty keeps the development URL; otherwise https and ending in "/". */
function addinUrl(value) {
  if (value === undefined || value.trim() === "") return DEV_URL;
  const url = value.trim();
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(
      `ADDIN_URL must be an https URL ending in "/", such as https://example.org/workplan/ (got "${url}").`,
    );
  }
  if (parsed.protocol !== "https:" || !url.endsWith("/") || parsed.search || parsed.hash) {
    throw new Error(
      `ADDIN_URL must be an https URL ending in "/", such as https://example.org/workplan/ (got "${url}").`,
    );
  }
  return url;
}

/** The manifest with every development URL pointing at the deployment URL instead. */
function rewriteManifest(xml, url) {
  return url === DEV_URL ? xml : xml.split(DEV_URL).join(url);
}

function escapeHtml(text) {
  return text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
}

/** A page that loads Office.js, then the bundles of one entry. */
function page({ title, officeJs, scripts, body }) {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="icon" href="assets/icon-16.png">
<script src="${escapeHtml(officeJs)}"></script>
<style>html,body{margin:0;padding:0}body{font-family:"Segoe UI","Segoe UI Web (West European)",-apple-system,BlinkMacSystemFont,Roboto,"Helvetica Neue",sans-serif;font-size:14px}</style>
</head>
<body>
${body}
${scripts.map((src) => `<script src="${escapeHtml(src)}"></script>`).join("\n")}
</body>
</html>
`;
}

/** The files of @microsoft/office-js that a development build serves: Office.js, its strings, Excel's scripts. */
function localOfficeFiles(root) {
  const dist = path.join(root, "node_modules", "@microsoft", "office-js", "dist");
  const files = [];
  for (const name of fs.readdirSync(dist)) {
    if (name.endsWith(".debug.js")) continue;
    if (
      name === "office.js" ||
      name === "o15apptofilemappingtable.js" ||
      (name.startsWith("excel") && name.endsWith(".js"))
    )
      files.push(name);
  }
  for (const name of fs.readdirSync(path.join(dist, "en-us")))
    if (!name.endsWith(".debug.js")) files.push(`en-us/${name}`);
  return files.map((name) => ({ from: path.join(dist, name), to: `${LOCAL_OFFICE_DIR}/${name}` }));
}

module.exports = { DEV_URL, OFFICE_JS_CDN, LOCAL_OFFICE_DIR, addinUrl, rewriteManifest, page, localOfficeFiles };
