/**
 * Human-readable dumps of change sets, one path per line, for golden tests and CLI output:
 *   L3 M /etc/motd [mode 0644→0600]
 *   L3 A /etc/d/z (file 2 B, 0644, 0:0)
 *   L3 R /etc/f (file 2 B)
 */
import type { ChangedPath, ChangeDetail, ChangeKind, ChangeSet, LayerNode } from './layer-types';
import type { LayerStack } from './layer-stack';
import type { ChangeTable } from './changes';

const LETTER = { added: 'A', modified: 'M', removed: 'R' } as const;

export function formatMode(mode: number): string {
  return mode.toString(8).padStart(4, '0');
}

const TYPE_LETTER: Readonly<Record<string, string | undefined>> = {
  file: '-',
  dir: 'd',
  symlink: 'l',
  hardlink: 'h',
  char: 'c',
  block: 'b',
  fifo: 'p',
  other: '?',
};

/**
 * `ls -l` permissions, setuid/setgid/sticky included ("drwxr-xr-x", "-rwsr-xr-x", "drwxrwxrwt"), for the page and
 * the CLI alike; hardlinks get "h" (ls shows their target's "-"), a kind that is no EntryKind "?".
 */
export function formatPermissions(kind: string, mode: number): string {
  const bit = (mask: number, letter: string): string => ((mode & mask) !== 0 ? letter : '-');
  const special = (exec: number, flag: number, on: string): string => {
    const x = (mode & exec) !== 0;
    if ((mode & flag) === 0) return x ? 'x' : '-';
    return x ? on : on.toUpperCase();
  };
  return (
    (TYPE_LETTER[kind] ?? '?') +
    bit(0o400, 'r') +
    bit(0o200, 'w') +
    special(0o100, 0o4000, 's') +
    bit(0o40, 'r') +
    bit(0o20, 'w') +
    special(0o10, 0o2000, 's') +
    bit(0o4, 'r') +
    bit(0o2, 'w') +
    special(0o1, 0o1000, 't')
  );
}

function target(node: LayerNode): string {
  if (node.kind === 'symlink') return ` -> ${node.linkTarget}`;
  const link = node.hardlink;
  if (link === undefined) return '';
  return link.state === 'resolved' ? ` => ${link.path}@L${link.layer}` : ` => ${link.path} (broken)`;
}

function describe(node: LayerNode, full: boolean): string {
  const parts = [
    node.kind === 'file' || node.hardlink !== undefined ? `${node.kind} ${node.size} B` : node.kind,
  ];
  if (node.implicit) parts.push('implicit');
  if (node.entry !== undefined && (node.kind === 'char' || node.kind === 'block')) {
    parts[0] = `${node.kind} ${node.entry.devMajor},${node.entry.devMinor}`;
  }
  if (full && !node.implicit) parts.push(formatMode(node.mode), `${node.uid}:${node.gid}`);
  return `${target(node)} (${parts.join(', ')})`;
}

function detail(change: ChangeDetail, before: LayerNode, after: LayerNode): string {
  switch (change) {
    case 'content':
      return before.size === after.size
        ? `content ${after.size} B`
        : `content ${before.size}→${after.size} B`;
    case 'type':
      return `type ${before.kind}→${after.kind}`;
    case 'mode':
      return `mode ${formatMode(before.mode)}→${formatMode(after.mode)}`;
    case 'owner':
      return `owner ${before.uid}:${before.gid}→${after.uid}:${after.gid}`;
    case 'linkTarget':
      return `linkTarget ${before.linkTarget}→${after.linkTarget}`;
    case 'xattrs':
      return 'xattrs';
    case 'mtime':
      return `mtime ${before.mtime}→${after.mtime}`;
  }
}

export function formatChange(label: string, change: ChangedPath): string {
  const head = `${label} ${LETTER[change.change]} ${change.path}`;
  if (change.change === 'added') return head + describe(change.node, true);
  if (change.change === 'removed') return head + describe(change.node, false);
  const before = change.before!;
  const details = change.details.map((d) => detail(d, before, change.node));
  return `${head}${target(change.node)} [${details.length === 0 ? 'rewritten' : details.join(', ')}]`;
}

function summaryLine(
  label: string,
  counts: Readonly<Record<ChangeKind, number>>,
  bytes: Readonly<Record<ChangeKind, number>>,
): string {
  return (
    `${label} +${counts.added} ~${counts.modified} -${counts.removed}` +
    ` (+${bytes.added} B ~${bytes.modified} B -${bytes.removed} B)`
  );
}

export function formatChangeSet(set: ChangeSet, label: string): string[] {
  const all = [...set.added, ...set.modified, ...set.removed];
  all.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const counts = { added: set.added.length, modified: set.modified.length, removed: set.removed.length };
  const bytes = { added: set.addedBytes, modified: set.modifiedBytes, removed: set.removedBytes };
  return [summaryLine(label, counts, bytes), ...all.map((change) => formatChange(label, change))];
}

/**
 * The lines of formatChangeSet for a change table, made one at a time in the same path order: a writer of a
 * base layer's millions of lines never holds them, nor a ChangedPath per path.
 */
export function* formatChangeTable(changes: ChangeTable, label: string): Generator<string> {
  yield summaryLine(label, changes.counts, changes.bytes);
  for (const change of changes.changes()) yield formatChange(label, change);
}

/** Every layer's changes, bottom to top, with a summary line per layer and warnings at the end. */
export function formatChanges(stack: LayerStack): string {
  const lines: string[] = [];
  for (let layer = 0; layer < stack.layerCount; layer++)
    lines.push(...formatChangeTable(stack.changeTable(layer), `L${layer}`));
  for (const warning of stack.warnings) lines.push(`L${warning.layer} ! ${warning.path}: ${warning.message}`);
  return lines.join('\n') + '\n';
}
