/** The comparison's parts as the CLI's Markdown shows them: config, layers, files, packages, linkage, waste. */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CompareJson } from '../../../protocol/compare';
import { sentenceText } from '../../i18n/error-text';
import { useFormat } from '../../i18n/use-format';
import { signedSize } from './use-summary';

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

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="panel" aria-label={title}>
      <h2>{title}</h2>
      {children}
    </section>
  );
}

export function CompareSections({ result: r }: { result: CompareJson }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const p = r.packages;
  const l = r.linkage;
  const json = (v: unknown) =>
    v === null ? <span className="muted">{t('compare.notSet')}</span> : <code>{JSON.stringify(v)}</code>;
  const signed = (n: number) => signedSize(n, format.size);
  const versions = (list: CompareJson['packages']['upgraded']) =>
    list.map((u) => [<code key="n">{u.name}</code>, u.from, u.to]);
  const plain = (list: CompareJson['packages']['added']) =>
    list.map((a) => [<code key="n">{a.name}</code>, a.version]);
  const col = (key: string) => t(`compare.col.${key}`);
  return (
    <>
      <Section title={t('compare.config')}>
        {r.config.changed.length === 0 && <p className="muted">{t('compare.configEqual')}</p>}
        <Table
          label={t('compare.configChanges')}
          head={[col('field'), col('old'), col('new')]}
          rows={r.config.changed.map((c) => [<code key="k">{c.key}</code>, json(c.old), json(c.new)])}
        />
      </Section>
      <Section title={t('compare.layers')}>
        <p>
          {r.layers.shared.length === 0
            ? t('compare.noSharedLayers')
            : t('compare.sharedLayers', { count: r.layers.shared.length })}{' '}
          {t('compare.layerCounts', {
            removed: format.count(r.layers.removed.length),
            added: format.count(r.layers.added.length),
            from: format.size(r.size.old),
            to: format.size(r.size.new),
            delta: signed(r.size.delta),
          })}
        </p>
      </Section>
      <Section title={t('compare.files')}>
        <p>
          {t('compare.fileCounts', {
            added: format.count(r.files.added),
            addedSize: format.size(r.files.addedBytes),
            modified: format.count(r.files.modified),
            removed: format.count(r.files.removed),
            removedSize: format.size(r.files.removedBytes),
          })}
        </p>
        <Table
          label={t('compare.newSetuid')}
          head={[col('newSetuid'), col('mode')]}
          rows={r.files.newSetuid.map((s) => [<code key="p">{s.path}</code>, s.mode])}
        />
        <Table
          label={t('compare.largest')}
          head={[col('path'), col('change'), col('size')]}
          rows={r.files.largest.map((f) => [
            <code key="p">{f.path}</code>,
            t(`files.change.${f.change}`, { defaultValue: f.change }),
            format.size(f.size),
          ])}
        />
      </Section>
      <Section
        title={p.manager === null ? t('compare.packages') : t('compare.packagesOf', { manager: p.manager })}
      >
        {p.manager === null && <p className="muted">{t('compare.noPackageDb')}</p>}
        {p.note !== null && (
          <p className="warn-text">{sentenceText(p.noteSentence, p.note, t, i18n.language)}</p>
        )}
        <Table
          label={t('compare.downgraded')}
          head={[col('downgraded'), col('from'), col('to')]}
          rows={versions(p.downgraded)}
        />
        <Table
          label={t('compare.upgraded')}
          head={[col('upgraded'), col('from'), col('to')]}
          rows={versions(p.upgraded)}
        />
        <Table label={t('compare.added')} head={[col('added'), col('version')]} rows={plain(p.added)} />
        <Table label={t('compare.removed')} head={[col('removed'), col('version')]} rows={plain(p.removed)} />
      </Section>
      <Section title={t('compare.linkage')}>
        <p>
          {t('compare.linkageCounts', {
            objectsAdded: format.count(l.objectsAdded.length),
            objectsRemoved: format.count(l.objectsRemoved.length),
            edgesAdded: format.count(l.edgesAdded.length),
            edgesRemoved: format.count(l.edgesRemoved.length),
          })}
        </p>
        <Table
          label={t('compare.unresolved')}
          head={[col('unresolved'), col('needs')]}
          rows={l.unresolvedNew.map((u) => [<code key="p">{u.path}</code>, <code key="n">{u.name}</code>])}
        />
        <Table
          label={t('compare.sonames')}
          head={[col('from'), col('to'), col('loadedBy')]}
          rows={l.sonameChanges.map((s) => [s.from, s.to, format.list(s.loadedBy)])}
        />
      </Section>
      <Section title={t('compare.waste')}>
        <p>
          {t('compare.wasteCounts', {
            from: format.percent(r.waste.old.efficiency),
            to: format.percent(r.waste.new.efficiency),
            wastedFrom: format.size(r.waste.old.wastedBytes),
            wastedTo: format.size(r.waste.new.wastedBytes),
          })}
        </p>
      </Section>
    </>
  );
}
