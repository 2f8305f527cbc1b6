/** ldd -v of the selected file, exactly as ldd would print it inside the image, and why each library was found. */
import { useTranslation } from 'react-i18next';
import type { ImageRef } from '../../queries/use-files';
import { useLdd } from '../../queries/use-linkage';
import type { GraphNode } from '../../../protocol/linkage';
import { useScrollFocus } from '../keyboard/use-scroll-focus';
import { ErrorMessage } from '../../i18n/ErrorMessage';
import { useFormat } from '../../i18n/use-format';

// How the loader found each library: catalogue keys under linkage.why.
const WHY = new Set(['rpath', 'runpath', 'ld_library_path', 'cache', 'default', 'loaded', 'direct']);

export function LddPanel({
  image,
  path,
  layer,
  node,
}: {
  image: ImageRef;
  path: string;
  layer: number;
  node: GraphNode | null;
}) {
  const ldd = useLdd(image, layer, path);
  const tableScroll = useScrollFocus();
  const { t } = useTranslation();
  const format = useFormat();
  return (
    // The panel scrolls on its own: focusable, so the keyboard can scroll it too.
    <aside className="panel ldd-panel scroll-region" aria-label={t('linkage.lddPanel')} tabIndex={0}>
      <h2>ldd -v</h2>
      <code className="wrap">{path}</code>
      {node && node.kind !== 'missing' && (
        <p className="muted" aria-label={t('linkage.origin')}>
          {[
            t(node.replaced ? 'linkage.putThereReplaced' : 'linkage.putThere', { layer: node.layer }),
            node.pkg ? t('linkage.package', { pkg: node.pkg }) : t('linkage.noPackage'),
            ...(node.dependents > 0 ? [t('linkage.loadedByCount', { count: node.dependents })] : []),
            ...(node.versionFailures > 0
              ? [t('linkage.versionFailures', { count: node.versionFailures })]
              : []),
          ].join(' · ')}
        </p>
      )}
      {ldd.isPending && <p className="muted">{t('linkage.resolving')}</p>}
      {ldd.error && <ErrorMessage error={ldd.error} />}
      {ldd.data && (
        <>
          <pre
            className="content__text ldd-panel__text scroll-region"
            aria-label={t('linkage.lddOutput')}
            tabIndex={0}
          >
            {ldd.data.text}
          </pre>
          {ldd.data.libraries.length > 0 && (
            <table className="plain-table" aria-label={t('linkage.whyFound')} ref={tableScroll}>
              <thead>
                <tr>
                  <th>{t('linkage.library')}</th>
                  <th>{t('linkage.foundVia')}</th>
                </tr>
              </thead>
              <tbody>
                {ldd.data.libraries.map((l) => (
                  <tr key={l.name}>
                    <td title={l.realPath ?? ''}>
                      <code>{l.name}</code>
                    </td>
                    <td className={l.path === null ? 'error-text' : ''}>
                      {l.path === null
                        ? t('linkage.notFound')
                        : WHY.has(l.foundVia ?? '')
                          ? t(`linkage.why.${l.foundVia ?? ''}`)
                          : l.foundVia}
                      {l.neededBy.length > 0 && (
                        <span className="muted">
                          {' · '}
                          {t('linkage.neededBy', {
                            names: format.list(l.neededBy.map((n) => n.slice(n.lastIndexOf('/') + 1))),
                          })}
                        </span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {ldd.data.notes.map((n) => (
            <p key={n} className="muted">
              {n}
            </p>
          ))}
        </>
      )}
    </aside>
  );
}
