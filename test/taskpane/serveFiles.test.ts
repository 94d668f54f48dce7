/**
 * What `npm start`'s server (scripts/serve.js) sends: files under dist/ by their real path and
 * nothing else (no ".." in any spelling, no symbolic link out of dist/), a read error answered
 * without a crash, and the pages with the Content-Security-Policy their <meta> carries: Office.js's
 * CDN and nothing else off the host.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createServer, get, type Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { createHandler } = require("../../scripts/serve.js") as {
  createHandler(
    dir: string,
    options?: { open?: (file: string) => Readable; log?: (line: string) => void },
  ): (request: unknown, response: unknown) => void;
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const build = require("../../scripts/addin-build.js") as {
  OFFICE_JS_CDN: string;
  LOCAL_OFFICE_DIR: string;
  contentSecurityPolicy(officeJs: string): string;
  page(options: { title: string; officeJs: string; scripts: string[]; body: string }): string;
};

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  aborted: boolean;
}

function fetch(server: Server, path: string): Promise<Answer> {
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return new Promise((resolve, reject) => {
    // A raw path: the URL class would resolve "..", which is what the server must refuse itself.
    const request = get({ host: "127.0.0.1", port, path }, (response) => {
      const chunks: Buffer[] = [];
      let aborted = false;
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("aborted", () => (aborted = true));
      response.on("error", () => (aborted = true));
      response.on("close", () =>
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          body: Buffer.concat(chunks).toString("utf8"),
          aborted: aborted || !response.complete,
        }),
      );
    });
    request.on("error", reject);
  });
}

function serve(dir: string, options?: Parameters<typeof createHandler>[1]): Promise<Server> {
  const server = createServer(createHandler(dir, options) as Parameters<typeof createServer>[1]);
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

const root = mkdtempSync(join(tmpdir(), "workplan-serve-files-"));
const dist = join(root, "dist");
const servers: Server[] = [];
beforeAll(() => {
  mkdirSync(join(dist, "assets"), { recursive: true });
  writeFileSync(join(dist, "taskpane.html"), "<!doctype html><title>pane</title>");
  writeFileSync(join(dist, "taskpane.js"), "// the pane");
  writeFileSync(join(root, "secret.txt"), "secret");
  symlinkSync(join(root, "secret.txt"), join(dist, "escape.txt"));
  symlinkSync(root, join(dist, "outside"));
  symlinkSync(join(dist, "taskpane.js"), join(dist, "assets", "inside.js"));
});
afterAll(() => {
  for (const server of servers) server.close();
  rmSync(root, { recursive: true, force: true });
});

describe("the files it serves", () => {
  let server: Server;
  beforeAll(async () => {
    server = await serve(dist, { log: () => undefined });
    servers.push(server);
  });

  it("serves dist/ and links that stay inside it", async () => {
    expect((await fetch(server, "/")).body).toContain("<title>pane</title>");
    expect((await fetch(server, "/assets/inside.js")).body).toBe("// the pane");
  });

  it.each([
    "/escape.txt",
    "/outside/secret.txt",
    "/../secret.txt",
    "/..%2fsecret.txt",
    "/%2e%2e/secret.txt",
    "/%2E%2E%5Csecret.txt",
    "/assets/..%2f..%2fsecret.txt",
    "/taskpane.html%00.js",
    "/%E0%A4%A",
    "/assets",
  ])("refuses %s with a 404 and never sends what is outside dist/", async (path) => {
    const answer = await fetch(server, path);
    expect(answer.status).toBe(404);
    expect(answer.body).not.toContain("secret");
  });
});

describe("a file that cannot be read", () => {
  it("is a 500 when opening fails, and the server goes on serving", async () => {
    const lines: string[] = [];
    const failing = () => {
      const stream = new Readable({ read() {} });
      setImmediate(() => stream.destroy(Object.assign(new Error("EIO: i/o error, open"), { code: "EIO" })));
      return stream;
    };
    const server = await serve(dist, { open: failing, log: (line) => lines.push(line) });
    servers.push(server);
    const answer = await fetch(server, "/taskpane.js");
    expect(answer.status).toBe(500);
    expect(answer.body).toBe("Cannot read the file");
    expect(lines).toEqual(["Cannot read taskpane.js: EIO: i/o error, open"]);
    expect((await fetch(server, "/taskpane.js")).status).toBe(500);
  });

  it("closes the connection when reading fails half way, and the server goes on serving", async () => {
    let calls = 0;
    const halfWay = () => {
      calls += 1;
      let sent = false;
      const stream = new Readable({
        read() {
          if (!sent) {
            sent = true;
            this.push("the first half");
          } else setTimeout(() => this.destroy(new Error("EIO: i/o error, read")), 10);
        },
      });
      setImmediate(() => stream.emit("open"));
      return stream;
    };
    const server = await serve(dist, { open: halfWay, log: () => undefined });
    servers.push(server);
    const answer = await fetch(server, "/taskpane.js");
    expect(answer.status).toBe(200);
    expect(answer.aborted).toBe(true);
    expect((await fetch(server, "/taskpane.js")).aborted).toBe(true);
    expect(calls).toBe(2);
  });
});

describe("the Content-Security-Policy", () => {
  const sources = (policy: string) => policy.split(";").flatMap((directive) => directive.trim().split(/\s+/).slice(1));

  it("allows Office.js's CDN and nothing else off the host, in the production pages", () => {
    const policy = build.contentSecurityPolicy(build.OFFICE_JS_CDN);
    const offHost = sources(policy).filter(
      (source) => !["'self'", "'none'", "'unsafe-inline'", "data:"].includes(source),
    );
    expect([...new Set(offHost)]).toEqual(["https://appsforoffice.microsoft.com"]);
    expect(policy).toMatch(/(^|; )script-src 'self' https:\/\/appsforoffice\.microsoft\.com(;|$)/);
    expect(policy).toMatch(/(^|; )default-src 'self'(;|$)/);
    expect(policy).toMatch(/(^|; )object-src 'none'(;|$)/);
    // The solver's worker from the host only (without worker-src, script-src would also allow the CDN's).
    expect(policy).toMatch(/(^|; )worker-src 'self'(;|$)/);
    expect(policy).not.toMatch(/unsafe-eval/);
    expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
    const html = build.page({ title: "t", officeJs: build.OFFICE_JS_CDN, scripts: ["taskpane.js"], body: "" });
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${policy}">`);
  });

  it("allows nothing off the host where Office.js comes from the host (development builds, tests)", () => {
    const policy = build.contentSecurityPolicy(`${build.LOCAL_OFFICE_DIR}/office.js`);
    expect(sources(policy).filter((source) => source.includes("://"))).toEqual([]);
  });

  it("goes with every page the server sends, and with no other file", async () => {
    const server = await serve(dist, { log: () => undefined });
    servers.push(server);
    const page = await fetch(server, "/taskpane.html");
    expect(page.headers["content-security-policy"]).toBe(build.contentSecurityPolicy(build.OFFICE_JS_CDN));
    expect((await fetch(server, "/taskpane.js")).headers["content-security-policy"]).toBeUndefined();
  });
});
