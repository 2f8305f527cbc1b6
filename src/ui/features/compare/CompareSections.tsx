/** The comparison's parts as the CLI's Markdown shows them: config, layers, files, packages, linkage, waste. */
import type { ReactNode } from 'react';
import type { CompareJson } from '../../../protocol/compare';
import { formatSize } from '../../../protocol/format';

function Table({ head, rows, label }: { head: string[]; rows: ReactNode[][]; label: string }) {
  if (rows.length === 0) return null;
  return (
    <table className="plain-table" aria-label={label}>
      <thead>
        <tr>
          {head.map((h) => (
            <th key={h}>{h}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, i) => (
          <tr key={i}>
            {row.map((cell, j) => (
              <td key={j}>{cell}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const json = (v: unknown) =>
  v === null ? <span className="muted">(not set)</span> : <code>{JSON.stringify(v)}</code>;
const signed = (n: number) => (n === 0 ? '±0 B' : `${n > 0 ? '+' : '−'}${formatSize(Math.abs(n))}`);

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="panel" aria-label={title}>
      <h2>{title}</h2>
      {children}
    </section>
  );
}

export function CompareSections({ result: r }: { result: CompareJson }) {
  const p = r.packages;
  const l = r.linkage;
  const versions = (list: CompareJson['packages']['upgraded']) =>
    list.map((u) => [<code key="n">{u.name}</code>, u.from, u.to]);
  const plain = (list: CompareJson['packages']['added']) =>
    list.map((a) => [<code key="n">{a.name}</code>, a.version]);
  return (
    <>
      <Section title="Config">
        {r.config.changed.length === 0 && <p className="muted">The compared fields are equal.</p>}
        <Table
          label="Config changes"
          head={['field', 'old', 'new']}
          rows={r.config.changed.map((c) => [<code key="k">{c.key}</code>, json(c.old), json(c.new)])}
        />
      </Section>
      <Section title="Layers">
        <p>
          {r.layers.shared.length === 0
            ? 'The images share no layers.'
            : `The first ${r.layers.shared.length} layers are the common base.`}{' '}
          {r.layers.removed.length} removed, {r.layers.added.length} added. Size {formatSize(r.size.old)} →{' '}
          {formatSize(r.size.new)} ({signed(r.size.delta)}).
        </p>
      </Section>
      <Section title="Files">
        <p>
          {r.files.added} added ({formatSize(r.files.addedBytes)}), {r.files.modified} modified,{' '}
          {r.files.removed} removed ({formatSize(r.files.removedBytes)}).
        </p>
        <Table
          label="New setuid files"
          head={['new setuid/setgid', 'mode']}
          rows={r.files.newSetuid.map((s) => [<code key="p">{s.path}</code>, s.mode])}
        />
        <Table
          label="Largest changes"
          head={['path', 'change', 'size']}
          rows={r.files.largest.map((f) => [<code key="p">{f.path}</code>, f.change, formatSize(f.size)])}
        />
      </Section>
      <Section title={`Packages${p.manager === null ? '' : ` (${p.manager})`}`}>
        {p.manager === null && <p className="muted">Neither image has a package database.</p>}
        {p.note !== null && <p className="warn-text">{p.note}</p>}
        <Table
          label="Downgraded packages"
          head={['downgraded', 'from', 'to']}
          rows={versions(p.downgraded)}
        />
        <Table label="Upgraded packages" head={['upgraded', 'from', 'to']} rows={versions(p.upgraded)} />
        <Table label="Added packages" head={['added', 'version']} rows={plain(p.added)} />
        <Table label="Removed packages" head={['removed', 'version']} rows={plain(p.removed)} />
      </Section>
      <Section title="Linkage">
        <p>
          ELF objects +{l.objectsAdded.length} −{l.objectsRemoved.length}, edges +{l.edgesAdded.length} −
          {l.edgesRemoved.length}.
        </p>
        <Table
          label="No longer resolved"
          head={['no longer resolved', 'needs']}
          rows={l.unresolvedNew.map((u) => [<code key="p">{u.path}</code>, <code key="n">{u.name}</code>])}
        />
        <Table
          label="SONAME changes"
          head={['from', 'to', 'loaded by']}
          rows={l.sonameChanges.map((s) => [s.from, s.to, s.loadedBy.join(', ')])}
        />
      </Section>
      <Section title="Waste (dive)">
        <p>
          Efficiency {(r.waste.old.efficiency * 100).toFixed(2)} % →{' '}
          {(r.waste.new.efficiency * 100).toFixed(2)} %, wasted {formatSize(r.waste.old.wastedBytes)} →{' '}
          {formatSize(r.waste.new.wastedBytes)}.
        </p>
      </Section>
    </>
  );
}
