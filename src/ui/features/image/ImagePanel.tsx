/** The image's identity and config: names, id, platform, entrypoint, env, labels, sizes. */
import type { InspectJson } from '../../../protocol/messages';
import { formatSize } from '../../../protocol/format';
import { MoreItems, SHOWN_ITEMS } from './MoreItems';

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

export function ImagePanel({ image }: { image: InspectJson }) {
  const c = image.config;
  const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
  const env = list(c.Env);
  const labels =
    c.Labels && typeof c.Labels === 'object' ? Object.entries(c.Labels as Record<string, unknown>) : [];
  const platform = [image.os, image.architecture, image.variant].filter(Boolean).join('/');
  return (
    <section className="panel" aria-label="Image">
      <h2>Image</h2>
      <dl className="details details--stack">
        <Row label="Names">
          {image.names.length === 0 && image.tags.length === 0 ? (
            <em>untagged</em>
          ) : (
            <ul className="plain">
              {image.names.map((n) => (
                <li key={n}>
                  <code>{n}</code>
                </li>
              ))}
              {image.tags.map((t) => (
                <li key={t} title="An OCI ref.name that names no repository">
                  <code>{t}</code> <span className="muted">(tag only)</span>
                </li>
              ))}
            </ul>
          )}
        </Row>
        <Row label="Image ID">
          <code className="wrap">{image.id}</code>
        </Row>
        <Row label="Platform">
          {platform || '—'}
          {image.osVersion && ` (${image.osVersion})`}
        </Row>
        {image.created && <Row label="Created">{image.created}</Row>}
        {image.author && <Row label="Author">{image.author}</Row>}
        <Row label="Size">
          {image.size === null ? '…' : `${formatSize(image.size)} uncompressed`}
          {image.compressedSize !== null && ` · ${formatSize(image.compressedSize)} stored`}
        </Row>
        {str(c.User) && (
          <Row label="User">
            <code>{str(c.User)}</code>
          </Row>
        )}
        {str(c.WorkingDir) && (
          <Row label="Workdir">
            <code>{str(c.WorkingDir)}</code>
          </Row>
        )}
        {list(c.Entrypoint).length > 0 && (
          <Row label="Entrypoint">
            <code>{JSON.stringify(c.Entrypoint)}</code>
          </Row>
        )}
        {list(c.Cmd).length > 0 && (
          <Row label="Cmd">
            <code>{JSON.stringify(c.Cmd)}</code>
          </Row>
        )}
        {list(c.ExposedPorts).length > 0 && <Row label="Ports">{list(c.ExposedPorts).join(', ')}</Row>}
        {list(c.Volumes).length > 0 && <Row label="Volumes">{list(c.Volumes).join(', ')}</Row>}
        {str(c.StopSignal) && <Row label="Stop signal">{str(c.StopSignal)}</Row>}
        {env.length > 0 && (
          <Row label="Env">
            <ul className="plain">
              {env.slice(0, SHOWN_ITEMS).map((e) => (
                <li key={e}>
                  <code className="wrap">{e}</code>
                </li>
              ))}
              <MoreItems total={env.length} />
            </ul>
          </Row>
        )}
        {labels.length > 0 && (
          <Row label="Labels">
            <ul className="plain">
              {labels.slice(0, SHOWN_ITEMS).map(([k, v]) => (
                <li key={k}>
                  <code className="wrap">
                    {k}={String(v)}
                  </code>
                </li>
              ))}
              <MoreItems total={labels.length} />
            </ul>
          </Row>
        )}
      </dl>
      {image.warnings.map((w) => (
        <p key={w} className="warn-text">
          {w}
        </p>
      ))}
    </section>
  );
}
