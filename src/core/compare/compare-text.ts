/** A comparison as plain text for a terminal: the summary, then each part as short indented lists. */
import { formatSize } from '../session/history-view';
import { signedSize, summaryParts } from './compare-summary';
import type { CompareJson } from './compare-types';

const LIST_LIMIT = 50;

function list(title: string, items: readonly string[]): string[] {
  if (items.length === 0) return [];
  const shown = items.slice(0, LIST_LIMIT).map((i) => `    ${i}`);
  if (items.length > LIST_LIMIT) shown.push(`    … and ${items.length - LIST_LIMIT} more (--json lists all)`);
  return [`  ${title}:`, ...shown];
}

export function compareText(r: CompareJson): string {
  const f = r.files;
  const p = r.packages;
  const l = r.linkage;
  const lines = [
    `${r.old.name} → ${r.new.name}`,
    `  old ${r.old.id}`,
    `  new ${r.new.id}`,
    summaryParts(r).join(', '),
    '',
    `config: ${r.config.changed.length === 0 ? 'unchanged' : `${r.config.changed.length} changed`}`,
    ...r.config.changed.map((c) => `  ${c.key}: ${JSON.stringify(c.old)} → ${JSON.stringify(c.new)}`),
    `layers: ${r.layers.shared.length} shared, ${r.layers.removed.length} removed, ${r.layers.added.length} added`,
    `size: ${formatSize(r.size.old)} → ${formatSize(r.size.new)} (${signedSize(r.size.delta)})`,
    `files: ${f.added} added (${formatSize(f.addedBytes)}), ${f.modified} modified, ${f.removed} removed (${formatSize(f.removedBytes)})`,
    ...list(
      'new setuid/setgid',
      f.newSetuid.map((s) => `${s.mode} ${s.path}`),
    ),
    ...list(
      'largest',
      f.largest.map((x) => `${x.change.padEnd(8)} ${formatSize(x.size).padStart(9)}  ${x.path}`),
    ),
    `packages: ${p.manager ?? 'no package database'}`,
    ...(p.note === null ? [] : [`  ${p.note}`]),
    ...list(
      'downgraded',
      p.downgraded.map((x) => `${x.name} ${x.from} → ${x.to}`),
    ),
    ...list(
      'upgraded',
      p.upgraded.map((x) => `${x.name} ${x.from} → ${x.to}`),
    ),
    ...list(
      'added',
      p.added.map((x) => `${x.name} ${x.version}`),
    ),
    ...list(
      'removed',
      p.removed.map((x) => `${x.name} ${x.version}`),
    ),
    `linkage: objects +${l.objectsAdded.length} −${l.objectsRemoved.length}, edges +${l.edgesAdded.length} −${l.edgesRemoved.length}`,
    ...list(
      'no longer resolved',
      l.unresolvedNew.map((u) => `${u.path} needs ${u.name}`),
    ),
    ...list(
      'SONAME changes',
      l.sonameChanges.map((s) => `${s.from} → ${s.to} (${s.loadedBy.join(', ')})`),
    ),
    ...list('objects added', l.objectsAdded),
    ...list('objects removed', l.objectsRemoved),
    ...list(
      'edges added',
      l.edgesAdded.map((e) => `${e.from} → ${e.to}`),
    ),
    ...list(
      'edges removed',
      l.edgesRemoved.map((e) => `${e.from} → ${e.to}`),
    ),
    `waste (dive): efficiency ${(r.waste.old.efficiency * 100).toFixed(2)}% → ${(r.waste.new.efficiency * 100).toFixed(2)}%, wasted ${formatSize(r.waste.old.wastedBytes)} → ${formatSize(r.waste.new.wastedBytes)}`,
  ];
  return lines.join('\n') + '\n';
}
