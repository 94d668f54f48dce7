/**
 * The add-in manifest, checked offline: against Microsoft's XSDs (copied into schemas/ from
 * shared/schemas/office-addin-manifest, see its README) with xmllint, as written (dev server
 * URLs) and as a deployment rewrites it; then what the XSDs cannot say: every URL is https,
 * every resid names a resource of the right kind, every icon exists in assets/ at the size it is
 * used at, the ribbon's function command calls `checkWorkplan`, and the pane and the function file
 * share one runtime. office-addin-manifest's own reader (offline; its `validate` needs an online
 * service and is not called) must read it too.
 *
 * The XSDs of shared/schemas date from February 2020 and predate the <Runtimes> element of the
 * shared runtime. The manifest is validated against them with exactly that element added as
 * Microsoft's specification [MS-OWEMXML] has it (withRuntimes below); a test shows that the
 * copies as they are refuse that element and nothing else.
 *
 * xmllint comes from Debian's libxml2-utils, which .ci/run installs when it is missing.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { requireTool } from "../support/tools";

const ROOT = path.resolve(__dirname, "../..");
const MANIFEST = path.join(ROOT, "manifest.xml");
const SCHEMAS = path.join(__dirname, "schemas");
const SCHEMA_FILE = "OfficeAppManifestV1_1.xsd";
const SCHEMA = path.join(SCHEMAS, SCHEMA_FILE);
/** Where CI and the development machines keep the originals (beside the clone). */
const SHARED_SCHEMAS = path.resolve(ROOT, "../shared/schemas/office-addin-manifest");

const DEV_ORIGIN = "https://localhost:3000/";
const PROD_ORIGIN = "https://host.example/path/";
const FUNCTION_ID = "checkWorkplan";
/** What the webpack build serves under the dev origin. */
const SERVED = new Set([
  "taskpane.html",
  "assets/icon-16.png",
  "assets/icon-32.png",
  "assets/icon-64.png",
  "assets/icon-80.png",
]);

// ---------------------------------------------------------------- a small XML reader

interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
  parent: XmlElement | null;
}

function decode(text: string): string {
  return text.replace(
    /&(lt|gt|amp|quot|apos);/g,
    (_, entity: string) => ({ lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" })[entity] as string,
  );
}

/** Enough XML for a manifest xmllint has already found well formed: elements, attributes, text. */
function parseXml(xml: string): XmlElement {
  const body = xml.replace(/<\?[\s\S]*?\?>/g, "").replace(/<!--[\s\S]*?-->/g, "");
  const root: XmlElement = { name: "#document", attrs: {}, children: [], text: "", parent: null };
  let current = root;
  const token = /<(\/?)([\w:.-]+)((?:\s+[\w:.-]+\s*=\s*"[^"]*")*)\s*(\/?)>|([^<]+)/g;
  for (const match of body.matchAll(token)) {
    const [, closing, name, attrText, selfClosing, text] = match;
    if (text !== undefined) {
      current.text += decode(text);
    } else if (closing) {
      if (current.name !== name) throw new Error(`</${name}> closes <${current.name}>`);
      current = current.parent as XmlElement;
    } else {
      const attrs: Record<string, string> = {};
      for (const [, key, value] of (attrText ?? "").matchAll(/([\w:.-]+)\s*=\s*"([^"]*)"/g))
        attrs[key as string] = decode(value as string);
      const element: XmlElement = { name: name as string, attrs, children: [], text: "", parent: current };
      current.children.push(element);
      if (!selfClosing) current = element;
    }
  }
  return root;
}

function local(name: string): string {
  return name.slice(name.indexOf(":") + 1);
}

function all(element: XmlElement): XmlElement[] {
  return [element, ...element.children.flatMap(all)];
}

function find(element: XmlElement, ...names: string[]): XmlElement[] {
  return all(element).filter((e) => names.includes(local(e.name)));
}

function one(element: XmlElement, name: string): XmlElement {
  const found = find(element, name);
  if (found.length !== 1) throw new Error(`expected one <${name}>, found ${found.length}`);
  return found[0] as XmlElement;
}

// ---------------------------------------------------------------- the checks

function xmllint(): string | null {
  const probe = spawnSync("xmllint", ["--version"], { encoding: "utf8" });
  return probe.error ? null : "xmllint";
}

/**
 * The task-pane overrides XSD with what [MS-OWEMXML] adds for the shared runtime, and nothing else: the Host type's
 * sequence starts with an optional <Runtimes> ("Host" complex type,
 * https://learn.microsoft.com/openspecs/office_file_formats/ms-owemxml/514d1f0e-5775-49cd-82ee-44ccbb02ade0), one or
 * more <Runtime> in it ("Runtimes", …/80264f46-1f56-4d04-926f-e3b3c7d1d005), and a <Runtime> has a resid of at most
 * 32 characters and a lifetime "short" or "long" (*Runtime element*, https://learn.microsoft.com/javascript/api/manifest/runtime;
 * its <Override> child is for Outlook and left out).
 */
function withRuntimes(xsd: string): string {
  const host = '<xs:complexType name="Host" abstract="true">';
  const at = xsd.indexOf("<xs:sequence>", xsd.indexOf(host)) + "<xs:sequence>".length;
  if (xsd.indexOf(host) < 0 || at < host.length) throw new Error("the XSD has no Host type to extend");
  const types =
    '<xs:complexType name="Runtimes"><xs:sequence minOccurs="1" maxOccurs="unbounded">' +
    '<xs:element name="Runtime" type="Runtime"/></xs:sequence></xs:complexType>' +
    '<xs:complexType name="Runtime"><xs:attribute name="resid" type="bt:ReferenceId" use="required"/>' +
    '<xs:attribute name="lifetime" use="optional"><xs:simpleType><xs:restriction base="xs:string">' +
    '<xs:enumeration value="short"/><xs:enumeration value="long"/></xs:restriction></xs:simpleType>' +
    "</xs:attribute></xs:complexType>";
  return (
    xsd.slice(0, at) +
    '<xs:element name="Runtimes" type="Runtimes" minOccurs="0" maxOccurs="1"/>' +
    xsd.slice(at).replace("</xs:schema>", `${types}</xs:schema>`)
  );
}

/** The shared XSDs copied into `dir`, the task-pane overrides with <Runtimes> (withRuntimes). */
function extendedSchemas(dir: string): string {
  mkdirSync(dir);
  for (const file of readdirSync(SCHEMAS).filter((f) => f.endsWith(".xsd"))) {
    const xsd = readFileSync(path.join(SCHEMAS, file), "utf8");
    writeFileSync(path.join(dir, file), file === "TaskPaneAppVersionOverridesV1_0.xsd" ? withRuntimes(xsd) : xsd);
  }
  return path.join(dir, SCHEMA_FILE);
}

/** xmllint's verdict: null when the file validates, else its messages (by default with <Runtimes> known). */
function schemaErrors(file: string, schema = extendedSchema): string | null {
  const run = spawnSync("xmllint", ["--noout", "--nonet", "--schema", schema, file], { encoding: "utf8" });
  if (run.error) throw run.error;
  return run.status === 0 ? null : `${run.stdout}${run.stderr}`.trim();
}

type ResourceKind = "Images" | "Urls" | "ShortStrings" | "LongStrings";

/** The kind of resource a resid may name, from where the reference sits (the XSD's types). */
function referenceKind(element: XmlElement): ResourceKind | null {
  const name = local(element.name);
  const parent = element.parent ? local(element.parent.name) : "";
  if (name === "Image" && parent === "Icon") return "Images";
  if (name === "Label") return "ShortStrings";
  if (name === "Title" && (parent === "Supertip" || parent === "GetStarted")) return "ShortStrings";
  if (name === "Description" && (parent === "Supertip" || parent === "GetStarted")) return "LongStrings";
  if (name === "LearnMoreUrl" || name === "FunctionFile" || name === "Runtime") return "Urls";
  if (name === "SourceLocation" && parent === "Action") return "Urls";
  return null;
}

interface Resources {
  /** id → kind and value. */
  byId: Map<string, { kind: ResourceKind; value: string }>;
  problems: string[];
}

function resources(doc: XmlElement): Resources {
  const byId = new Map<string, { kind: ResourceKind; value: string }>();
  const problems: string[] = [];
  for (const kind of ["Images", "Urls", "ShortStrings", "LongStrings"] as const) {
    for (const group of find(one(doc, "Resources"), kind)) {
      for (const item of group.children) {
        const id = item.attrs.id ?? "";
        if (byId.has(id)) problems.push(`resource id "${id}" is defined twice`);
        byId.set(id, { kind, value: item.attrs.DefaultValue ?? "" });
      }
    }
  }
  return { byId, problems };
}

/** Every resid resolves to a resource of the kind its element needs, and every resource is used. */
function residProblems(doc: XmlElement): string[] {
  const { byId, problems } = resources(doc);
  const used = new Set<string>();
  for (const element of all(doc).filter((e) => e.attrs.resid !== undefined)) {
    const resid = element.attrs.resid as string;
    const kind = referenceKind(element);
    const resource = byId.get(resid);
    used.add(resid);
    if (!kind) problems.push(`<${element.name} resid="${resid}"> sits where no resource kind is known`);
    else if (!resource) problems.push(`<${element.name} resid="${resid}"> names no resource`);
    else if (resource.kind !== kind)
      problems.push(`<${element.name} resid="${resid}"> needs one of ${kind}, not ${resource.kind}`);
  }
  for (const id of byId.keys()) if (!used.has(id)) problems.push(`resource "${id}" is never used`);
  return problems;
}

/** Every URL-valued attribute or text of the manifest (namespace declarations aside). */
function urls(doc: XmlElement): string[] {
  const found: string[] = [];
  for (const element of all(doc)) {
    for (const [key, value] of Object.entries(element.attrs))
      if (!key.startsWith("xmlns") && /^[a-z][a-z0-9+.-]*:\/\//i.test(value)) found.push(value);
    const text = element.children.length === 0 ? element.text.trim() : "";
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) found.push(text);
  }
  return found;
}

function resource(doc: XmlElement, resid: string): string {
  const found = resources(doc).byId.get(resid);
  if (!found) throw new Error(`no resource ${resid}`);
  return found.value;
}

/** Each icon URL with the pixel size it is shown at. */
function iconUses(doc: XmlElement): { url: string; size: number; where: string }[] {
  const uses = [
    { url: one(doc, "IconUrl").attrs.DefaultValue as string, size: 32, where: "IconUrl" },
    { url: one(doc, "HighResolutionIconUrl").attrs.DefaultValue as string, size: 64, where: "HighResolutionIconUrl" },
  ];
  for (const image of find(doc, "Image").filter((e) => e.parent && local(e.parent.name) === "Icon")) {
    uses.push({
      url: resource(doc, image.attrs.resid as string),
      size: Number(image.attrs.size),
      where: `Image resid="${image.attrs.resid}"`,
    });
  }
  return uses;
}

function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (!bytes.subarray(0, 8).equals(signature) || bytes.toString("ascii", 12, 16) !== "IHDR")
    throw new Error(`${file} is not a PNG`);
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** The controls of the ribbon group: id, label text, action type and what the action names. */
function controls(doc: XmlElement): { id: string; label: string; action: string; target: string }[] {
  return find(doc, "Control").map((control) => {
    const label = control.children.find((c) => local(c.name) === "Label");
    const action = control.children.find((c) => local(c.name) === "Action") as XmlElement;
    const type = action.attrs["xsi:type"] ?? "";
    const target =
      type === "ExecuteFunction"
        ? one(action, "FunctionName").text.trim()
        : resource(doc, one(action, "SourceLocation").attrs.resid as string);
    return {
      id: control.attrs.id ?? "",
      label: label ? resource(doc, label.attrs.resid as string) : "",
      action: type,
      target,
    };
  });
}

/** office-addin-manifest's reader, in a plain Node process (its dependencies are ES modules jest cannot load). */
function readWithOfficeAddinManifest(file: string): Record<string, unknown> {
  const script =
    `require("office-addin-manifest").OfficeAddinManifest.readManifestFile(process.argv[1])
    .then((info) => ` +
    `process.stdout.write(JSON.stringify(info)), (e) => { console.error(String(e)); process.exit(1); });`;
  return JSON.parse(execFileSync(process.execPath, ["-e", script, file], { cwd: ROOT, encoding: "utf8" })) as Record<
    string,
    unknown
  >;
}

// ---------------------------------------------------------------- the tests

const source = readFileSync(MANIFEST, "utf8");
const production = source.split(DEV_ORIGIN).join(PROD_ORIGIN);
let work: string;
let productionFile: string;
let extendedSchema: string;

beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), "manifest-"));
  productionFile = path.join(work, "manifest.xml");
  writeFileSync(productionFile, production);
  extendedSchema = extendedSchemas(path.join(work, "schemas"));
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

function variant(name: string, xml: string): string {
  const file = path.join(work, name);
  writeFileSync(file, xml);
  return file;
}

requireTool("xmllint")("the XSDs", () => {
  test("xmllint is installed (Debian: libxml2-utils; .ci/run installs it)", () => {
    expect(xmllint()).toBe("xmllint");
  });

  test("manifest.xml validates (the shared XSDs with <Runtimes> as [MS-OWEMXML] defines it)", () => {
    expect(schemaErrors(MANIFEST)).toBeNull();
  });

  test("the shared XSDs as they are refuse <Runtimes>, and only it", () => {
    expect(schemaErrors(MANIFEST, SCHEMA)).toMatch(/Element '\{[^}]*\}Runtimes': This element is not expected/);
    const noRuntimes = source.replace(/\s*<Runtimes>[\s\S]*?<\/Runtimes>/, "");
    expect(noRuntimes).not.toBe(source);
    expect(schemaErrors(variant("no-runtimes.xml", noRuntimes), SCHEMA)).toBeNull();
  });

  test("<Runtimes> has teeth: a lifetime other than short or long, or <Runtimes> after the form factor, fails", () => {
    const forever = source.replace('lifetime="long"', 'lifetime="forever"');
    expect(forever).not.toBe(source);
    expect(schemaErrors(variant("forever.xml", forever))).toMatch(/lifetime/);
    const runtimes = /\s*<Runtimes>[\s\S]*?<\/Runtimes>/.exec(source)?.[0] ?? "";
    const late = source.replace(runtimes, "").replace("</DesktopFormFactor>", `</DesktopFormFactor>${runtimes}`);
    expect(schemaErrors(variant("late-runtimes.xml", late))).toMatch(/Runtimes.*not expected/);
  });

  test("the copy a deployment makes (every dev URL moved to another origin) validates and keeps no localhost", () => {
    expect(production).not.toBe(source);
    expect(production).not.toMatch(/localhost/);
    expect(schemaErrors(productionFile)).toBeNull();
  });

  test("the validation has teeth: wrong element order, an over-long resid and a missing Supertip are refused", () => {
    const reordered = source
      .replace(/\s*<FunctionFile resid="Taskpane.Url"\/>/, "")
      .replace("<GetStarted>", '<FunctionFile resid="Taskpane.Url"/><GetStarted>');
    expect(reordered).not.toBe(source);
    expect(schemaErrors(variant("reordered.xml", reordered))).toMatch(/GetStarted.*not expected/);

    const longId = "Taskpane.Url.That.Is.Far.Too.Long";
    expect(longId.length).toBeGreaterThan(32);
    const longResid = source.split('"Taskpane.Url"').join(`"${longId}"`);
    expect(schemaErrors(variant("long-resid.xml", longResid))).toMatch(/maxLength/);

    const noSupertip = source.replace(/<Supertip>[\s\S]*?<\/Supertip>/, "");
    expect(schemaErrors(variant("no-supertip.xml", noSupertip))).toMatch(/Supertip/);
  });

  test("the copied XSDs are those of shared/schemas (when shared/ is beside the clone)", () => {
    if (!existsSync(SHARED_SCHEMAS)) return;
    const ours = readdirSync(SCHEMAS).sort();
    expect(ours).toEqual(readdirSync(SHARED_SCHEMAS).sort());
    for (const file of ours)
      expect(readFileSync(path.join(SCHEMAS, file), "utf8")).toBe(
        readFileSync(path.join(SHARED_SCHEMAS, file), "utf8"),
      );
  });
});

describe("what the XSDs cannot check", () => {
  const doc = parseXml(source);

  test("every URL is https, and under the dev origin only what the build serves", () => {
    const found = urls(doc);
    expect(found.length).toBeGreaterThan(5);
    expect(found.filter((url) => !url.startsWith("https://"))).toEqual([]);
    expect(found.filter((url) => !url.startsWith(DEV_ORIGIN))).toEqual([]);
    expect(found.map((url) => url.slice(DEV_ORIGIN.length)).filter((rest) => !SERVED.has(rest))).toEqual([]);
    expect(urls(parseXml(production)).filter((url) => !url.startsWith(PROD_ORIGIN))).toEqual([]);
  });

  test("every resid names a resource of the right kind, and every resource is used", () => {
    expect(residProblems(doc)).toEqual([]);
  });

  test("the resid check catches a dangling reference and a reference of the wrong kind", () => {
    const dangling = source.replace('<Label resid="CheckButton.Label"/>', '<Label resid="CheckButton.Lable"/>');
    expect(residProblems(parseXml(dangling))).toEqual(
      expect.arrayContaining([expect.stringContaining('"CheckButton.Lable"> names no resource')]),
    );
    const wrongKind = source.replace(
      '<Description resid="CheckButton.Tooltip"/>',
      '<Description resid="CheckButton.Label"/>',
    );
    expect(residProblems(parseXml(wrongKind))).toEqual(
      expect.arrayContaining([expect.stringContaining("needs one of LongStrings, not ShortStrings")]),
    );
  });

  test("every icon exists in assets/ as a PNG of the size it is shown at", () => {
    const uses = iconUses(doc);
    expect(new Set(uses.map((u) => u.size))).toEqual(new Set([16, 32, 64, 80]));
    for (const use of uses) {
      const file = path.join(ROOT, use.url.slice(DEV_ORIGIN.length));
      expect({
        where: use.where,
        inAssets: path.dirname(file) === path.join(ROOT, "assets"),
        exists: existsSync(file),
      }).toEqual({ where: use.where, inAssets: true, exists: true });
      expect({ where: use.where, ...pngSize(file) }).toEqual({ where: use.where, width: use.size, height: use.size });
    }
  });

  test(
    `the group on the Home tab: "Check workplan" runs ${FUNCTION_ID} from taskpane.html, "Workplan" opens the ` +
      `pane`,
    () => {
      const tab = one(doc, "OfficeTab");
      expect(tab.attrs.id).toBe("TabHome");
      expect(find(tab, "Group")).toHaveLength(1);
      expect(controls(doc)).toEqual([
        { id: "CheckWorkplanButton", label: "Check workplan", action: "ExecuteFunction", target: FUNCTION_ID },
        { id: "WorkplanPaneButton", label: "Workplan", action: "ShowTaskpane", target: `${DEV_ORIGIN}taskpane.html` },
      ]);
      expect(resource(doc, one(doc, "FunctionFile").attrs.resid as string)).toBe(`${DEV_ORIGIN}taskpane.html`);
      expect(one(doc, "DefaultSettings").children.map((c) => [local(c.name), c.attrs.DefaultValue])).toEqual([
        ["SourceLocation", `${DEV_ORIGIN}taskpane.html`],
      ]);
      expect(one(doc, "TaskpaneId").text.trim()).not.toBe("");
    },
  );

  test("one shared runtime: the pane, the function file and the runtime name the same page, lifetime long", () => {
    const runtime = one(one(doc, "Runtimes"), "Runtime");
    expect(runtime.attrs).toEqual({ resid: "Taskpane.Url", lifetime: "long" });
    expect(one(doc, "FunctionFile").attrs.resid).toBe("Taskpane.Url");
    const paneAction = find(doc, "Action").find((a) => a.attrs["xsi:type"] === "ShowTaskpane") as XmlElement;
    expect(one(paneAction, "SourceLocation").attrs.resid).toBe("Taskpane.Url");
    // <Runtimes> comes first in the Host, before the form factor ("in the exact order shown").
    expect(one(doc, "Runtimes").parent?.children.map((c) => local(c.name))).toEqual(["Runtimes", "DesktopFormFactor"]);
    // Not required: clients without SharedRuntime 1.1 (Excel on iPad, Microsoft 365 on Windows before 2002) keep
    // the pane.
    expect(find(one(doc, "Requirements"), "Set").map((s) => s.attrs.Name)).not.toContain("SharedRuntime");
  });

  test(`the function file's code registers ${FUNCTION_ID} (once src/commands exists)`, () => {
    const dir = path.join(ROOT, "src/commands");
    if (!existsSync(dir)) return;
    const code = readdirSync(dir, { recursive: true, encoding: "utf8" })
      .filter((f) => /\.tsx?$/.test(f))
      .map((f) => readFileSync(path.join(dir, f), "utf8"));
    expect(code.some((text) => text.includes(`"${FUNCTION_ID}"`))).toBe(true);
  });

  test("an Excel task pane: Workbook host, ReadWriteDocument, ExcelApi 1.9", () => {
    expect(doc.children[0]?.attrs["xsi:type"]).toBe("TaskPaneApp");
    expect(find(doc, "Host").map((h) => h.attrs.Name ?? h.attrs["xsi:type"])).toEqual(["Workbook", "Workbook"]);
    expect(one(doc, "Permissions").text.trim()).toBe("ReadWriteDocument");
    expect(find(one(doc, "Requirements"), "Set").map((s) => s.attrs)).toEqual([
      { Name: "ExcelApi", MinVersion: "1.9" },
    ]);
    expect(one(doc, "VersionOverrides").attrs["xsi:type"]).toBe("VersionOverridesV1_0");
  });
});

describe("office-addin-manifest (offline reader)", () => {
  test.each([
    ["manifest.xml", () => MANIFEST, DEV_ORIGIN],
    ["the deployment copy", () => productionFile, PROD_ORIGIN],
  ])("reads %s as an Excel task-pane add-in", (_name, file, origin) => {
    const info = readWithOfficeAddinManifest(file());
    expect(info).toMatchObject({
      officeAppType: "TaskPaneApp",
      hosts: ["Workbook"],
      permissions: "ReadWriteDocument",
      displayName: "Workplan Checker",
      defaultLocale: "en-US",
      iconUrl: `${origin}assets/icon-32.png`,
      highResolutionIconUrl: `${origin}assets/icon-64.png`,
      defaultSettings: { sourceLocation: `${origin}taskpane.html` },
    });
    expect(info.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(info.version).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  });
});
