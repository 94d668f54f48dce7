// `npm start`: builds the add-in for development into dist/ (rebuilding on change), serves dist/
// over https on localhost:3000, and sideloads the manifest where Excel desktop is installed;
// elsewhere it prints how to upload the manifest in Excel on the web.
//
// Certificates: those of office-addin-dev-certs when that package is installed (it is not a
// dependency: `npm i -D office-addin-dev-certs && npx office-addin-dev-certs install` makes
// Excel desktop trust localhost), otherwise a self-signed certificate made here with the pure
// JavaScript `selfsigned` package and kept in node_modules/.cache, so it never fails for lack of one.
//
//   node scripts/serve.js [--no-build] [--no-sideload] [--dir DIR]     PORT=3000 by default
//
// It serves files under dist/ and nothing else: a path is resolved to its real path (links
// followed) and refused unless that is inside dist/'s real path; a file that cannot be read is a
// 500 (or, once sending began, a closed connection), never a crash; pages go out with the same
// Content-Security-Policy their <meta> carries (scripts/addin-build.js), allowing Office.js's CDN.
const fs = require("node:fs");
const https = require("node:https");
const os = require("node:os");
const path = require("node:path");
const { execFileSync, spawn } = require("node:child_process");
const { contentSecurityPolicy, OFFICE_JS_CDN } = require("./addin-build");

const ROOT = path.resolve(__dirname, "..");
const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);

const DIST = path.resolve(option("--dir") ?? path.join(ROOT, "dist"));
const PORT = Number(process.env.PORT ?? 3000);
const CERT_DIR = process.env.WORKPLAN_CERT_DIR ?? path.join(ROOT, "node_modules", ".cache", "workplan-checker");

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".map": "application/json",
  ".png": "image/png",
  ".xml": "application/xml; charset=utf-8",
  ".json": "application/json",
  ".css": "text/css",
};

function log(line) {
  process.stdout.write(`${line}\n`);
}

/** Builds dist/ for development and keeps rebuilding on change; resolves after the first build. */
function buildAndWatch() {
  const webpack = require("webpack");
  const config = require(path.join(ROOT, "webpack.config.js"));
  // Office.js from Microsoft's CDN: the npm package's Excel library stops at ExcelApi 1.15 (issue 10).
  const compiler = webpack({ ...config({ outDir: DIST, officeJs: "cdn" }, { mode: "development" }), context: ROOT });
  let first = true;
  return new Promise((resolve, reject) => {
    const watching = compiler.watch({ aggregateTimeout: 300 }, (error, stats) => {
      if (error || stats.hasErrors()) {
        const message = error ? error.message : stats.toString("errors-only");
        if (first) {
          reject(new Error(message));
          return;
        }
        log(`Build failed:\n${message}`);
        return;
      }
      log(
        `${first ? "Built" : "Rebuilt"} ${path.relative(process.cwd(), DIST) || "."} ` +
          `in ${stats.endTime - stats.startTime} ms.`,
      );
      if (first) {
        first = false;
        resolve(watching);
      }
    });
  });
}

/** office-addin-dev-certs' certificates when that package is installed and can provide them. */
async function devCertificates() {
  let devCerts;
  try {
    devCerts = require("office-addin-dev-certs");
  } catch {
    return null;
  }
  try {
    const options = await Promise.race([
      devCerts.getHttpsServerOptions(),
      new Promise((_, reject) => setTimeout(() => reject(new Error("no answer within 60 s")), 60_000).unref()),
    ]);
    return { key: options.key, cert: options.cert, ca: options.ca, source: "office-addin-dev-certs" };
  } catch (error) {
    log(
      `office-addin-dev-certs could not provide trusted certificates (${error.message}); using a self-signed ` +
        `certificate instead.`,
    );
    return null;
  }
}

/** A self-signed certificate for localhost, made once and kept for a year. */
async function selfSignedCertificate() {
  const keyFile = path.join(CERT_DIR, "localhost.key");
  const certFile = path.join(CERT_DIR, "localhost.crt");
  if (fs.existsSync(keyFile) && fs.existsSync(certFile)) {
    const cert = fs.readFileSync(certFile, "utf8");
    const { X509Certificate } = require("node:crypto");
    if (new Date(new X509Certificate(cert).validTo) > new Date(Date.now() + 86_400_000)) {
      return { key: fs.readFileSync(keyFile, "utf8"), cert, source: `self-signed (${certFile})` };
    }
  }
  const selfsigned = require("selfsigned");
  const pems = await selfsigned.generate([{ name: "commonName", value: "localhost" }], {
    days: 365,
    keySize: 2048,
    algorithm: "sha256",
    extensions: [
      { name: "basicConstraints", cA: false },
      { name: "keyUsage", digitalSignature: true, keyEncipherment: true },
      { name: "extKeyUsage", serverAuth: true },
      {
        name: "subjectAltName",
        altNames: [
          { type: 2, value: "localhost" },
          { type: 7, ip: "127.0.0.1" },
          { type: 7, ip: "::1" },
        ],
      },
    ],
  });
  fs.mkdirSync(CERT_DIR, { recursive: true });
  fs.writeFileSync(keyFile, pems.private, { mode: 0o600 });
  fs.writeFileSync(certFile, pems.cert);
  return { key: pems.private, cert: pems.cert, source: `self-signed, made now (${certFile})` };
}

/** The request's path, decoded; null for one that is malformed, holds a NUL or climbs with "..". */
function requestPath(url) {
  let pathname;
  try {
    pathname = decodeURIComponent(new URL(url, "https://localhost").pathname);
  } catch {
    return null;
  }
  if (pathname.includes("\0") || pathname.split(/[\\/]/).includes("..")) return null;
  return pathname === "/" ? "/taskpane.html" : pathname;
}

/** The real path of a file inside the real `root`, or null (missing, not a file, or outside by a link). */
async function fileInside(root, pathname) {
  try {
    const real = await fs.promises.realpath(path.join(root, path.normalize(pathname)));
    if (!real.startsWith(root + path.sep)) return null;
    return (await fs.promises.stat(real)).isFile() ? real : null;
  } catch {
    return null;
  }
}

/**
 * The request handler for files under `dir`. `open` makes the read stream (tests pass one that
 * fails); a read error before the first byte is a 500, after it the connection is closed.
 */
function createHandler(dir, { open = fs.createReadStream, log: report = log } = {}) {
  const root = fs.realpathSync(dir);
  const headers = (file) => ({
    "content-type": TYPES[path.extname(file)] ?? "application/octet-stream",
    "cache-control": "no-store",
    "x-content-type-options": "nosniff",
    ...(path.extname(file) === ".html" ? { "content-security-policy": contentSecurityPolicy(OFFICE_JS_CDN) } : {}),
  });
  return async (request, response) => {
    const pathname = requestPath(request.url);
    const file = pathname === null ? null : await fileInside(root, pathname);
    if (file === null) {
      response.writeHead(404, { "content-type": "text/plain" }).end("Not found");
      return;
    }
    const stream = open(file);
    // Headers once the file is open: a file that cannot be opened is still a 500.
    stream.once("open", () => {
      response.writeHead(200, headers(file));
      stream.pipe(response);
    });
    stream.on("error", (error) => {
      report(`Cannot read ${path.relative(root, file)}: ${error.message}`);
      if (response.headersSent) response.destroy();
      else response.writeHead(500, { "content-type": "text/plain" }).end("Cannot read the file");
    });
    response.once("close", () => stream.destroy());
  };
}

/** Listens on localhost for IPv4 and, where the machine has it, IPv6: Excel may ask either. */
async function listen(tls) {
  const servers = [];
  let port = PORT;
  for (const host of ["127.0.0.1", "::1"]) {
    const server = https.createServer({ key: tls.key, cert: tls.cert, ca: tls.ca }, createHandler(DIST));
    try {
      await new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, host, resolve);
      });
      port = server.address().port;
      servers.push(server);
    } catch (error) {
      if (host === "127.0.0.1")
        throw new Error(
          `Cannot serve on port ${port}: ` +
            `${error.code === "EADDRINUSE" ? "something else is using it (another npm start?)" : error.message}.`,
        );
    }
  }
  return { servers, port };
}

function manifestId() {
  const xml = fs.readFileSync(path.join(DIST, "manifest.xml"), "utf8");
  return /<Id>\s*([^<\s]+)\s*<\/Id>/.exec(xml)?.[1] ?? "workplan-checker";
}

function webInstructions(url) {
  return [
    "To try it in Excel on the web:",
    `  1. Open ${url}taskpane.html in the browser you use for Excel and accept the certificate (it is ` +
      `self-signed unless office-addin-dev-certs made it).`,
    "  2. Open a workbook in Excel on the web, then Insert > Add-ins > Upload My Add-in (on some tenants: Home " +
      "> Add-ins > More Add-ins > Upload My Add-in).",
    `  3. Choose ${path.join(DIST, "manifest.xml")}. The Home tab gets "Check workplan" and "Workplan".`,
  ].join("\n");
}

/** Sideloads into Excel desktop where it is installed; returns what it did, or null. */
function sideload() {
  const manifest = path.join(DIST, "manifest.xml");
  if (process.platform === "darwin") {
    const app = "/Applications/Microsoft Excel.app";
    if (!fs.existsSync(app)) return null;
    const wef = path.join(os.homedir(), "Library", "Containers", "com.microsoft.Excel", "Data", "Documents", "wef");
    fs.mkdirSync(wef, { recursive: true });
    fs.copyFileSync(manifest, path.join(wef, `${manifestId()}.manifest.xml`));
    spawn("open", ["-a", app], { detached: true, stdio: "ignore" }).unref();
    return `Sideloaded into Excel for Mac (${wef}); Excel is opening. Remove the file there to unload it.`;
  }
  if (process.platform === "win32") {
    try {
      execFileSync("reg", ["query", "HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\App Paths\\excel.exe"], {
        stdio: "ignore",
      });
    } catch {
      return null;
    }
    const key = "HKCU\\Software\\Microsoft\\Office\\16.0\\WEF\\Developer";
    execFileSync("reg", ["add", key, "/v", manifestId(), "/t", "REG_SZ", "/d", manifest, "/f"], { stdio: "ignore" });
    spawn("cmd", ["/c", "start", "", "excel"], { detached: true, stdio: "ignore" }).unref();
    return `Sideloaded into Excel for Windows (registry ${key}); Excel is opening. Delete that value to unload it.`;
  }
  return null;
}

async function main() {
  const watching = flag("--no-build") ? null : await buildAndWatch();
  if (!fs.existsSync(path.join(DIST, "taskpane.html")))
    throw new Error(`${DIST} has no taskpane.html: run npm run build first, or drop --no-build.`);
  const tls = (await devCertificates()) ?? (await selfSignedCertificate());
  const { servers, port } = await listen(tls);
  const url = `https://localhost:${port}/`;
  log(`Serving ${path.relative(process.cwd(), DIST) || "."} at ${url} (certificate: ${tls.source}).`);
  if (port !== 3000) log("Note: the manifest's URLs name port 3000; Excel will look there.");
  const done = flag("--no-sideload") ? null : sideload();
  log(
    done ??
      (process.platform === "linux" ? "Excel desktop does not run on Linux. " : "Excel desktop was not found. ") +
        webInstructions(url),
  );
  log("Press Ctrl+C to stop.");
  const stop = () => {
    for (const server of servers) server.close();
    watching?.close(() => undefined);
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error.message);
    process.exit(1);
  });
}

module.exports = { createHandler };
