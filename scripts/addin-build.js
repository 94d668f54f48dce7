// Helpers of the add-in build (webpack.config.js) and of `npm start` (scripts/serve.js):
// the deployment URL, the manifest rewritten to it, and the pages that load the bundles.
const fs = require("node:fs");
const path = require("node:path");

/** Where the manifest says the add-in is served during development. */
const DEV_URL = "https://localhost:3000/";
const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
/** Folder of dist/ that holds Office.js from @microsoft/office-js for development and tests. */
const LOCAL_OFFICE_DIR = "office-js";

/**
 * The pages' Content-Security-Policy: everything from the add-in's own host; off the host only
 * Office.js's CDN, and only when the page loads Office.js from there (a development build loads
 * it from the host, so it allows nothing off the host). Inline styles stay allowed: the page's
 * loading text and the pane's style rules use them. No frame-ancestors: Office frames the pane,
 * and a <meta> policy cannot say it anyway.
 */
function contentSecurityPolicy(officeJs) {
  const cdn = /^https:\/\//.test(officeJs) ? [new URL(officeJs).origin] : [];
  const offHost = (sources) => ["'self'", ...sources].join(" ");
  return [
    "default-src 'self'",
    `script-src ${offHost(cdn)}`,
    `connect-src ${offHost(cdn)}`,
    `frame-src ${offHost(cdn)}`,
    // The proposal solver's Web Worker (proposeWorker.js) comes from the host, and workers from nowhere else.
    "worker-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join("; ");
}

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
  return (
    `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(contentSecurityPolicy(officeJs))}">
<title>${escapeHtml(title)}</title>
<link rel="icon" href="assets/icon-16.png">
<script src="${escapeHtml(officeJs)}"></script>
<style>html,body{margin:0;padding:0}body{font-family:"Segoe UI","Segoe UI Web (West European)",` +
    `-apple-system,BlinkMacSystemFont,Roboto,"Helvetica Neue",sans-serif;font-size:14px}</style>
</head>
<body>
${body}
${scripts.map((src) => `<script src="${escapeHtml(src)}"></script>`).join("\n")}
</body>
</html>
`
  );
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

module.exports = {
  DEV_URL,
  OFFICE_JS_CDN,
  LOCAL_OFFICE_DIR,
  addinUrl,
  rewriteManifest,
  page,
  localOfficeFiles,
  contentSecurityPolicy,
};
