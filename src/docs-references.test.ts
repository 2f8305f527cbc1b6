/**
 * Keeps the references in code, scripts and documents followable with only this repository: comments cite
 * docs/<file>.md by heading anchor (docs/conventions.md#citing-references), so a moved or renamed heading, a
 * deleted document, a broken Markdown link or a section-sign citation of a document that is not here fails.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SCANNED = /\.(?:ts|tsx|js|mjs|cjs|sh|py|md|css|html)$/;
const SKIPPED_DIRS = new Set(['node_modules', 'dist', 'out', 'test-results', 'playwright-report', '.work']);
const TOP_DIRS = ['src', 'bench', 'fixtures', 'e2e', 'docs', 'bin', 'public'];
// An escape, so that `git grep` for the sign finds only what this test rejects.
const SECTION_SIGN = '\u00a7';
const OLD_STYLE_GUIDE = /house[- ]style/i;
/** `docs/x.md`, `docs/x.md#anchor` or `docs/x.md, 'Heading'`, not part of a longer path (`owner/repo:docs/x.md`). */
const DOC_REF = /(?<![\w./:@-])docs\/([\w./-]+?\.md)(?:#([\w-]+)|, '([^']+)'|, "([^"]+)")?/g;
const MD_LINK = /\[[^\]]*\]\(([^)\s]+)\)/g;

/** GitHub's heading anchor: lowercase, punctuation dropped, each space a hyphen, repeats numbered. */
function headingAnchors(markdown: string): { anchors: Set<string>; headings: Set<string> } {
  const anchors = new Set<string>();
  const headings = new Set<string>();
  const seen = new Map<string, number>();
  let fenced = false;
  for (const line of markdown.split('\n')) {
    if (/^\s*(?:```|~~~)/.test(line)) fenced = !fenced;
    const m = fenced ? null : /^#{1,6}\s+(.+?)\s*#*\s*$/.exec(line);
    if (!m) continue;
    const text = m[1]!;
    headings.add(text);
    const slug = text
      .toLowerCase()
      .replace(/[^\p{L}\p{N} _-]/gu, '')
      .replace(/ /g, '-');
    const n = seen.get(slug) ?? 0;
    seen.set(slug, n + 1);
    anchors.add(n === 0 ? slug : `${slug}-${n}`);
  }
  return { anchors, headings };
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    if (SKIPPED_DIRS.has(name)) continue;
    const path = join(dir, name);
    const stat = statSync(path);
    if (stat.isDirectory()) out.push(...filesUnder(path));
    else if (stat.isFile() && SCANNED.test(name)) out.push(path);
  }
  return out;
}

function projectFiles(): string[] {
  const top = readdirSync(ROOT)
    .map((name) => join(ROOT, name))
    .filter((path) => statSync(path).isFile() && SCANNED.test(path));
  return [...top, ...TOP_DIRS.flatMap((dir) => filesUnder(join(ROOT, dir)))];
}

type ReadDoc = (absolutePath: string) => string | undefined;

const readIfFile: ReadDoc = (path) =>
  existsSync(path) && statSync(path).isFile() ? readFileSync(path, 'utf8') : undefined;

/** What is wrong with the references of one file; `file` is relative to the repository root. */
function referenceProblems(file: string, text: string, readDoc: ReadDoc = readIfFile): string[] {
  const problems: string[] = [];
  const anchorsOf = (path: string) => {
    const doc = readDoc(path);
    return doc === undefined ? undefined : headingAnchors(doc);
  };
  text.split('\n').forEach((line, i) => {
    const at = `${file}:${i + 1}`;
    if (line.includes(SECTION_SIGN)) {
      problems.push(`${at}: cites a numbered section; cite docs/<file>.md#<heading-anchor> instead`);
    }
    if (OLD_STYLE_GUIDE.test(line)) {
      problems.push(`${at}: cites a style guide that is not in this repository; cite docs/conventions.md#…`);
    }
    for (const m of line.matchAll(DOC_REF)) {
      const [, doc, anchor, quoted1, quoted2] = m;
      const found = anchorsOf(join(ROOT, 'docs', doc!));
      const heading = quoted1 ?? quoted2;
      if (found === undefined) problems.push(`${at}: docs/${doc} does not exist`);
      else if (anchor !== undefined && !found.anchors.has(anchor))
        problems.push(`${at}: docs/${doc} has no heading with the anchor #${anchor}`);
      else if (heading !== undefined && !found.headings.has(heading))
        problems.push(`${at}: docs/${doc} has no heading '${heading}'`);
    }
    if (!file.endsWith('.md')) return;
    for (const m of line.matchAll(MD_LINK)) {
      const target = m[1]!;
      if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue;
      const [path = '', anchor] = target.split('#');
      if (path === '') {
        if (!headingAnchors(text).anchors.has(anchor ?? ''))
          problems.push(`${at}: the link ${target} names no heading of this file`);
        continue;
      }
      const absolute = resolve(ROOT, dirname(file), path);
      if (!existsSync(absolute)) {
        problems.push(`${at}: the link target ${target} does not exist`);
        continue;
      }
      const found = absolute.endsWith('.md') && anchor !== undefined ? anchorsOf(absolute) : undefined;
      if (found !== undefined && !found.anchors.has(anchor!))
        problems.push(`${at}: the link ${target} names no heading of ${relative(ROOT, absolute)}`);
    }
  });
  return problems;
}

describe('references in code and documents', () => {
  it('makes GitHub-style anchors from headings', () => {
    const { anchors } = headingAnchors(
      '# Title\n## The ld.so.cache file\n```\n# not a heading\n```\n## Streaming, never slurping\n## Title\n',
    );
    expect([...anchors]).toEqual(['title', 'the-ldsocache-file', 'streaming-never-slurping', 'title-1']);
  });

  it('flags section signs, the old style guide, missing docs and anchors, broken links', () => {
    const docs: ReadDoc = (path) =>
      path === join(ROOT, 'docs', 'a.md') ? '# A\n## Some heading\n' : undefined;
    const text = [
      `// see image-formats.md ${SECTION_SIGN}4`,
      '// house style rule 3',
      "// docs/a.md#some-heading and docs/a.md, 'Some heading' and owner/repo:docs/b.md are fine",
      '// docs/a.md#moved',
      "// docs/a.md, 'Gone'",
      '// docs/b.md',
    ].join('\n');
    expect(referenceProblems('src/x.ts', text, docs)).toEqual([
      'src/x.ts:1: cites a numbered section; cite docs/<file>.md#<heading-anchor> instead',
      'src/x.ts:2: cites a style guide that is not in this repository; cite docs/conventions.md#…',
      'src/x.ts:4: docs/a.md has no heading with the anchor #moved',
      "src/x.ts:5: docs/a.md has no heading 'Gone'",
      'src/x.ts:6: docs/b.md does not exist',
    ]);
    expect(
      referenceProblems('docs/y.md', '[x](nowhere.md) [y](#nope) [z](https://example.com)', docs),
    ).toEqual([
      'docs/y.md:1: the link target nowhere.md does not exist',
      'docs/y.md:1: the link #nope names no heading of this file',
    ]);
  });

  it('every reference in the repository can be followed', () => {
    const self = fileURLToPath(import.meta.url);
    const files = projectFiles().filter((path) => path !== self);
    expect(files.length).toBeGreaterThan(100);
    const problems = files.flatMap((path) =>
      referenceProblems(relative(ROOT, path), readFileSync(path, 'utf8')),
    );
    expect(problems).toEqual([]);
  });
});
