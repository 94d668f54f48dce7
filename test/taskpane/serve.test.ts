/**
 * `npm start`'s server (scripts/serve.js): https on localhost with a self-signed certificate made
 * at run time when office-addin-dev-certs is absent, dist/ and nothing outside it, and on Linux
 * the steps to upload the manifest in Excel on the web instead of a sideload.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { X509Certificate } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { get } from "node:https";
import { tmpdir } from "node:os";
import { join } from "node:path";

const ROOT = join(__dirname, "..", "..");

function fetchText(url: string): Promise<{ status: number; type: string; body: string; cert: string }> {
  return new Promise((resolve, reject) => {
    const request = get(url, { rejectUnauthorized: false }, (response) => {
      const chunks: Buffer[] = [];
      const peer = (response.socket as import("node:tls").TLSSocket).getPeerCertificate(false);
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () =>
        resolve({
          status: response.statusCode ?? 0,
          type: String(response.headers["content-type"]),
          body: Buffer.concat(chunks).toString("utf8"),
          cert: String(peer.subject?.CN ?? ""),
        }),
      );
    });
    request.on("error", reject);
  });
}

describe("npm start's server", () => {
  let child: ChildProcess | null = null;
  const dirs: string[] = [];
  afterAll(() => {
    child?.kill("SIGTERM");
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it("serves dist over https with a certificate it makes itself, and says how to sideload on the web", async () => {
    const dist = mkdtempSync(join(tmpdir(), "workplan-serve-dist-"));
    const certs = mkdtempSync(join(tmpdir(), "workplan-serve-certs-"));
    dirs.push(dist, certs);
    writeFileSync(join(dist, "taskpane.html"), "<!doctype html><title>pane</title>");
    writeFileSync(join(dist, "manifest.xml"), "<OfficeApp><Id>abc</Id></OfficeApp>");
    writeFileSync(join(certs, "..", "workplan-serve-secret.txt"), "secret");

    child = spawn(process.execPath, [join(ROOT, "scripts", "serve.js"), "--no-build", "--no-sideload", "--dir", dist], {
      cwd: ROOT,
      env: { ...process.env, PORT: "0", WORKPLAN_CERT_DIR: certs },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no "Serving" line in: ${output}`)), 60_000);
      child?.stdout?.on("data", () => {
        const match = /Serving .* at https:\/\/localhost:(\d+)\//.exec(output);
        if (match && output.includes("Press Ctrl+C")) {
          clearTimeout(timer);
          resolve(Number(match[1]));
        }
      });
      child?.on("exit", (code) => reject(new Error(`serve.js exited with ${code}: ${output}`)));
    });

    const page = await fetchText(`https://127.0.0.1:${port}/taskpane.html`);
    expect(page.status).toBe(200);
    expect(page.type).toMatch(/^text\/html/);
    expect(page.body).toContain("<title>pane</title>");
    expect(page.cert).toBe("localhost");
    expect((await fetchText(`https://127.0.0.1:${port}/..%2fworkplan-serve-secret.txt`)).status).toBe(404);
    expect((await fetchText(`https://127.0.0.1:${port}/missing.js`)).status).toBe(404);

    const cert = new X509Certificate(readFileSync(join(certs, "localhost.crt")));
    expect(cert.subjectAltName).toContain("DNS:localhost");
    expect(output).toMatch(/certificate: self-signed/);
    if (process.platform === "linux") {
      expect(output).toContain("Excel desktop does not run on Linux.");
      expect(output).toContain("Insert > Add-ins > Upload My Add-in");
      expect(output).toContain(join(dist, "manifest.xml"));
    }
    rmSync(join(certs, "..", "workplan-serve-secret.txt"), { force: true });
  }, 90_000);
});
