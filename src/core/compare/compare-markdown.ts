/**
 * A comparison as Markdown for a pull request comment: one summary line, then a `<details>` section per
 * part with tables, and a ```mermaid block of the linkage change. GitHub refuses comments over 65,536
 * characters, so tables are cut (and the graph dropped) until it fits, and the text says what was cut.
 */
import { formatSize } from '../session/history-view';
import { linkageMermaid } from './compare-mermaid';
import { signedSize, summaryParts } from './compare-summary';
import type { CompareJson } from './compare-types';

export const GITHUB_COMMENT_LIMIT = 65_536;

interface Budget {
  readonly rows: number;
  readonly graph: boolean;
  /** Set when some table lost rows. */
  cut: boolean;
}

/** A table cell holding literal text: a code span, with the pipe escaped as GFM tables need. */
export function code(text: string): string {
  const fence = text.includes('`') ? '``' : '`';
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text.replace(/\|/g, '\\|').replace(/\n/g, ' ')}${pad}${fence}`;
}

function table(head: readonly string[], rows: readonly (readonly string[])[], budget: Budget): string[] {
  if (rows.length === 0) return [];
  const shown = rows.slice(0, budget.rows);
  const lines = [`| ${head.join(' | ')} |`, `|${head.map(() => ' --- ').join('|')}|`];
  for (const row of shown) lines.push(`| ${row.join(' | ')} |`);
  if (shown.length < rows.length) {
    budget.cut = true;
    lines.push(
      '',
      `_… and ${rows.length - shown.length} more, cut to fit the comment (\`strata compare --json\` lists all)._`,
    );
  }
  return [...lines, ''];
}

function details(summary: string, body: readonly string[]): string[] {
  return ['<details>', `<summary>${summary}</summary>`, '', ...body, '</details>', ''];
}

const value = (v: unknown): string => (v === null ? '_(not set)_' : code(JSON.stringify(v)));

function configSection(r: CompareJson, budget: Budget): string[] {
  const n = r.config.changed.length;
  if (n === 0) return details('Config: unchanged', ['The fields strata compares are equal.', '']);
  return details(
    `Config: ${n} ${n === 1 ? 'field' : 'fields'} changed`,
    table(
      ['field', 'old', 'new'],
      r.config.changed.map((c) => [code(c.key), value(c.old), value(c.new)]),
      budget,
    ),
  );
}

function layersSection(r: CompareJson, budget: Budget): string[] {
  const { shared, removed, added } = r.layers;
  const rows = [
    ...shared.map((id) => ['shared', code(id)]),
    ...removed.map((id) => ['removed', code(id)]),
    ...added.map((id) => ['added', code(id)]),
  ];
  const base =
    shared.length === 0
      ? 'The images share no layers.'
      : `The first ${shared.length} layers are the common base.`;
  return details(`Layers: ${shared.length} shared, ${removed.length} removed, ${added.length} added`, [
    base,
    '',
    ...table(['', 'diff_id'], rows, budget),
  ]);
}

function filesSection(r: CompareJson, budget: Budget): string[] {
  const f = r.files;
  const body = [
    `${f.added} added (${formatSize(f.addedBytes)}), ${f.modified} modified, ${f.removed} removed (${formatSize(f.removedBytes)}).`,
    '',
  ];
  if (f.newSetuid.length > 0)
    body.push(
      '**New setuid/setgid files**',
      '',
      ...table(
        ['path', 'mode'],
        f.newSetuid.map((s) => [code(s.path), code(s.mode)]),
        budget,
      ),
    );
  if (f.largest.length > 0)
    body.push(
      '**Largest changes**',
      '',
      ...table(
        ['path', 'change', 'size'],
        f.largest.map((l) => [code(l.path), l.change, formatSize(l.size)]),
        budget,
      ),
    );
  if (f.byDirectory.length > 0)
    body.push(
      '**By directory**',
      '',
      ...table(
        ['directory', 'added', 'modified', 'removed', 'bytes'],
        f.byDirectory.map((d) => [
          code(d.path),
          `${d.added}`,
          `${d.modified}`,
          `${d.removed}`,
          signedSize(d.bytes),
        ]),
        budget,
      ),
    );
  return details(`Files: +${f.added} ~${f.modified} −${f.removed}`, body);
}

function packagesSection(r: CompareJson, budget: Budget): string[] {
  const p = r.packages;
  if (p.manager === null) return details('Packages: no package database in either image', ['']);
  const body = p.note === null ? [] : [p.note, ''];
  const version = (list: CompareJson['packages']['upgraded'], title: string) =>
    list.length === 0
      ? []
      : [
          `**${title}**`,
          '',
          ...table(
            ['package', 'from', 'to'],
            list.map((u) => [code(u.name), code(u.from), code(u.to)]),
            budget,
          ),
        ];
  const plain = (list: CompareJson['packages']['added'], title: string) =>
    list.length === 0
      ? []
      : [
          `**${title}**`,
          '',
          ...table(
            ['package', 'version'],
            list.map((a) => [code(a.name), code(a.version)]),
            budget,
          ),
        ];
  body.push(
    ...version(p.downgraded, 'Downgraded'),
    ...version(p.upgraded, 'Upgraded'),
    ...plain(p.added, 'Added'),
    ...plain(p.removed, 'Removed'),
  );
  if (body.length === 0) body.push('No package changed.', '');
  return details(
    `Packages (${p.manager}): +${p.added.length} −${p.removed.length} ↑${p.upgraded.length} ↓${p.downgraded.length}`,
    body,
  );
}

function linkageSection(r: CompareJson, budget: Budget): string[] {
  const l = r.linkage;
  const body: string[] = [];
  if (l.unresolvedNew.length > 0)
    body.push(
      '**No longer resolved**',
      '',
      ...table(
        ['object', 'needs'],
        l.unresolvedNew.map((u) => [code(u.path), code(u.name)]),
        budget,
      ),
    );
  if (l.sonameChanges.length > 0)
    body.push(
      '**SONAME changes**',
      '',
      ...table(
        ['from', 'to', 'loaded by'],
        l.sonameChanges.map((s) => [code(s.from), code(s.to), s.loadedBy.map(code).join(', ')]),
        budget,
      ),
    );
  const objects = [
    ...l.objectsAdded.map((p) => [code(p), 'added']),
    ...l.objectsRemoved.map((p) => [code(p), 'removed']),
  ];
  if (objects.length > 0) body.push('**ELF objects**', '', ...table(['path', 'change'], objects, budget));
  if (l.edgesAdded.length + l.edgesRemoved.length > 0) {
    const graph = budget.graph ? linkageMermaid(l, `${r.old.name} → ${r.new.name}`) : undefined;
    if (graph?.ok === true)
      body.push(
        'Edges added (green) and removed (red, dashed):',
        '',
        '```mermaid',
        graph.text.trimEnd(),
        '```',
        '',
      );
    else if (graph !== undefined) body.push(`_${graph.reason}_`, '');
    else {
      budget.cut = true;
      body.push('_The linkage graph was left out to fit the comment._', '');
    }
  }
  if (body.length === 0) body.push('No linkage changed.', '');
  return details(
    `Linkage: objects +${l.objectsAdded.length} −${l.objectsRemoved.length}, edges +${l.edgesAdded.length} −${l.edgesRemoved.length}`,
    body,
  );
}

function wasteSection(r: CompareJson, budget: Budget): string[] {
  const percent = (e: number) => `${(e * 100).toFixed(2)}%`;
  return details('Waste (dive)', [
    ...table(
      ['', 'efficiency', 'wasted'],
      [
        ['old', percent(r.waste.old.efficiency), formatSize(r.waste.old.wastedBytes)],
        ['new', percent(r.waste.new.efficiency), formatSize(r.waste.new.wastedBytes)],
      ],
      budget,
    ),
  ]);
}

function render(r: CompareJson, budget: Budget): string {
  const lines = [
    `### ${code(r.old.name)} → ${code(r.new.name)}`,
    '',
    `**${summaryParts(r).join(' · ')}**`,
    '',
    ...configSection(r, budget),
    ...layersSection(r, budget),
    ...filesSection(r, budget),
    ...packagesSection(r, budget),
    ...linkageSection(r, budget),
    ...wasteSection(r, budget),
  ];
  if (budget.cut)
    lines.push(
      `_Cut to fit GitHub's ${GITHUB_COMMENT_LIMIT.toLocaleString('en-US')}-character comment limit: tables show their first ${budget.rows} rows${budget.graph ? '' : ', the linkage graph is left out'}._`,
      '',
    );
  return lines.join('\n');
}

const ATTEMPTS: readonly (readonly [number, boolean])[] = [
  [Infinity, true],
  [200, true],
  [100, true],
  [50, true],
  [50, false],
  [20, false],
  [10, false],
  [3, false],
];

/** The comparison as Markdown under `limit` characters (GitHub's comment limit by default). */
export function compareMarkdown(result: CompareJson, limit = GITHUB_COMMENT_LIMIT): string {
  let text = '';
  for (const [rows, graph] of ATTEMPTS) {
    text = render(result, { rows, graph, cut: false });
    if (text.length <= limit) return text;
  }
  // Only absurdly long names get here: keep the head and say so.
  const note = '\n\n_Cut at the comment limit._\n';
  return text.slice(0, limit - note.length) + note;
}
