/** The image's identity and config: names, id, platform, entrypoint, env, labels, sizes. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImageOverview } from '../../../protocol/messages';
import type { ImageRef } from '../../queries/use-files';
import { ConfigList } from './ConfigList';
import { useFormat } from '../../i18n/use-format';
import { Time } from '../../i18n/Time';
import { sentenceText } from '../../i18n/error-text';

function list(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (value && typeof value === 'object') return Object.keys(value);
  return [];
}

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

/**
 * The worker sends the config's Env and labels cut short (a config may hold tens of thousands of each); the
 * rest are fetched on demand from `target`.
 */
export function ImagePanel({
  target,
  image,
  env,
  labels,
}: {
  target: ImageRef;
  image: ImageOverview['inspect'];
  env: ImageOverview['env'];
  labels: ImageOverview['labels'];
}) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const c = image.config;
  const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
  const labelTexts = useMemo(() => labels.first.map(([k, v]) => `${k}=${v}`), [labels.first]);
  const platform = [image.os, image.architecture, image.variant].filter(Boolean).join('/');
  return (
    <section className="panel" aria-label={t('image.title')}>
      <h2>{t('image.title')}</h2>
      <dl className="details details--stack">
        <Row label={t('image.names')}>
          {image.names.length === 0 && image.tags.length === 0 ? (
            <em>{t('image.untagged')}</em>
          ) : (
            <ul className="plain">
              {image.names.map((n) => (
                <li key={n}>
                  <code>{n}</code>
                </li>
              ))}
              {image.tags.map((tag) => (
                <li key={tag} title={t('image.tagOnlyWhy')}>
                  <code>{tag}</code> <span className="muted">{t('image.tagOnly')}</span>
                </li>
              ))}
            </ul>
          )}
        </Row>
        <Row label={t('image.id')}>
          <code className="wrap">{image.id}</code>
        </Row>
        <Row label={t('image.platform')}>
          {platform || '—'}
          {image.osVersion && ` (${image.osVersion})`}
        </Row>
        {image.created && (
          <Row label={t('image.created')}>
            <Time iso={image.created} exact />
          </Row>
        )}
        {image.author && <Row label={t('image.author')}>{image.author}</Row>}
        <Row label={t('image.size')}>
          {image.size === null ? '…' : t('image.uncompressed', { size: format.size(image.size) })}
          {image.compressedSize !== null &&
            ` · ${t('image.stored', { size: format.size(image.compressedSize) })}`}
        </Row>
        {str(c.User) && (
          <Row label={t('image.user')}>
            <code>{str(c.User)}</code>
          </Row>
        )}
        {str(c.WorkingDir) && (
          <Row label={t('image.workdir')}>
            <code>{str(c.WorkingDir)}</code>
          </Row>
        )}
        {list(c.Entrypoint).length > 0 && (
          <Row label={t('image.entrypoint')}>
            <code>{JSON.stringify(c.Entrypoint)}</code>
          </Row>
        )}
        {list(c.Cmd).length > 0 && (
          <Row label={t('image.cmd')}>
            <code>{JSON.stringify(c.Cmd)}</code>
          </Row>
        )}
        {list(c.ExposedPorts).length > 0 && (
          <Row label={t('image.ports')}>{format.list(list(c.ExposedPorts))}</Row>
        )}
        {list(c.Volumes).length > 0 && <Row label={t('image.volumes')}>{format.list(list(c.Volumes))}</Row>}
        {str(c.StopSignal) && <Row label={t('image.stopSignal')}>{str(c.StopSignal)}</Row>}
        {env.total > 0 && (
          <Row label={t('image.env')}>
            <ConfigList
              key={`${target.archiveId}|${target.imageKey}`}
              image={target}
              list="env"
              label={t('image.env')}
              first={env.first}
              total={env.total}
            />
          </Row>
        )}
        {labels.total > 0 && (
          <Row label={t('image.labels')}>
            <ConfigList
              key={`${target.archiveId}|${target.imageKey}`}
              image={target}
              list="labels"
              label={t('image.labels')}
              first={labelTexts}
              total={labels.total}
            />
          </Row>
        )}
      </dl>
      {image.warnings.map((w, i) => (
        <p key={w} className="warn-text">
          {sentenceText(image.warningSentences[i], w, t, i18n.language)}
        </p>
      ))}
    </section>
  );
}
