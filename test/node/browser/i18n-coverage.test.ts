/**
 * The portal's translation layer: every dictionary has every key, and no
 * component shows a string literal to users instead of a translated text.
 */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { en } from "../../../web/src/i18n/en";
import { kk } from "../../../web/src/i18n/kk";
import { ru } from "../../../web/src/i18n/ru";

const WEB_SRC = path.resolve(import.meta.dirname, "../../../web/src");

/**
 * Attributes whose string value a user sees or hears. `label` counts only
 * on HTML elements: the portal's own components take a dictionary key
 * there, which the TextKey type already checks.
 */
const VISIBLE_ATTRIBUTES = new Set([
  "placeholder",
  "title",
  "alt",
  "aria-label",
  "aria-description",
]);

function isVisibleAttribute(node: ts.JsxAttribute, source: ts.SourceFile) {
  const name = node.name.getText(source);
  if (VISIBLE_ATTRIBUTES.has(name)) return true;
  const tag = node.parent.parent.tagName.getText(source);
  return name === "label" && /^[a-z]/.test(tag);
}

/** Any letter of any script: Latin, Cyrillic, Kazakh. */
const LETTER = /\p{L}/u;

async function listTsx(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) => {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) return listTsx(full);
      return Promise.resolve(entry.name.endsWith(".tsx") ? [full] : []);
    }),
  );
  return nested.flat();
}

/** Returns "file:line text" for each visible literal in `file`. */
async function findLiterals(file: string): Promise<string[]> {
  const source = ts.createSourceFile(
    file,
    await readFile(file, "utf8"),
    ts.ScriptTarget.Latest,
    true,
    ts.ScriptKind.TSX,
  );
  const found: string[] = [];
  const report = (node: ts.Node, text: string) => {
    const { line } = source.getLineAndCharacterOfPosition(node.getStart());
    found.push(`${path.relative(WEB_SRC, file)}:${line + 1} ${text.trim()}`);
  };

  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && LETTER.test(node.text)) report(node, node.text);
    if (
      ts.isJsxAttribute(node) &&
      isVisibleAttribute(node, source) &&
      node.initializer &&
      ts.isStringLiteral(node.initializer) &&
      LETTER.test(node.initializer.text)
    ) {
      report(node, node.getText(source));
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe("portal dictionaries", () => {
  const keys = Object.keys(ru).sort();

  it.each([
    ["kk", kk],
    ["en", en],
  ])("%s has exactly the Russian keys", (_name, dictionary) => {
    expect(Object.keys(dictionary).sort(), "keys differ from ru").toEqual(keys);
  });

  it.each([
    ["ru", ru],
    ["kk", kk],
    ["en", en],
  ])("%s has no empty text", (_name, dictionary) => {
    const empty = Object.entries(dictionary)
      .filter(([, text]) => text.trim() === "")
      .map(([key]) => key);
    expect(empty, "keys with empty text").toEqual([]);
  });

  it.each([
    ["kk", kk],
    ["en", en],
  ])("%s keeps every placeholder", (_name, dictionary) => {
    const placeholders = (text: string) =>
      [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
    const mismatched = keys.filter(
      (key) =>
        JSON.stringify(placeholders(ru[key as keyof typeof ru])) !==
        JSON.stringify(placeholders(dictionary[key as keyof typeof ru])),
    );
    expect(mismatched, "keys whose {placeholders} differ from ru").toEqual([]);
  });
});

describe("portal components", () => {
  it("show no untranslated literal", async () => {
    const files = await listTsx(WEB_SRC);
    const literals = (await Promise.all(files.map(findLiterals))).flat();

    expect(files.length, "no .tsx files found").toBeGreaterThan(20);
    expect(literals, "texts to move into web/src/i18n").toEqual([]);
  });

  it("scanner catches a JSX text literal", async () => {
    const { mkdtemp, writeFile, rm } = await import("node:fs/promises");
    const os = await import("node:os");
    const folder = await mkdtemp(path.join(os.tmpdir(), "i18n-scan-"));
    const file = path.join(folder, "Sample.tsx");
    await writeFile(
      file,
      'export const A = () => <p title="Hello">Привет {1}</p>;\n',
    );

    const literals = await findLiterals(file);
    await rm(folder, { recursive: true, force: true });

    expect(literals.length, literals.join("\n")).toBe(2);
  });
});
