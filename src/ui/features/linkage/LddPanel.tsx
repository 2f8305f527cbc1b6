/** ldd -v of the selected file, exactly as ldd would print it inside the image, and why each library was found. */
import type { ImageRef } from '../../queries/use-files';
import { useLdd } from '../../queries/use-linkage';
import type { GraphNode } from '../../../protocol/linkage';
import { useScrollFocus } from '../keyboard/use-scroll-focus';

const WHY: Record<string, string> = {
  rpath: 'RPATH',
  runpath: 'RUNPATH',
  ld_library_path: 'LD_LIBRARY_PATH (image Env)',
  cache: '/etc/ld.so.cache',
  default: 'default directory',
  loaded: 'already loaded',
  direct: 'path given',
};

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
  return (
    // The panel scrolls on its own: focusable, so the keyboard can scroll it too.
    <aside className="panel ldd-panel scroll-region" aria-label="ldd" tabIndex={0}>
      <h2>ldd -v</h2>
      <code className="wrap">{path}</code>
      {node && node.kind !== 'missing' && (
        <p className="muted" aria-label="Origin">
          Put there by L{node.layer}
          {node.replaced ? ', written more than once' : ''}
          {node.pkg ? ` · package ${node.pkg}` : ' · no package owns it'}
          {node.dependents > 0 ? ` · loaded by ${node.dependents}` : ''}
          {node.versionFailures > 0 ? ` · ${node.versionFailures} version requirement(s) not met` : ''}
        </p>
      )}
      {ldd.isPending && <p className="muted">Resolving…</p>}
      {ldd.error && <p className="error-text">{ldd.error.message}</p>}
      {ldd.data && (
        <>
          <pre className="content__text ldd-panel__text scroll-region" aria-label="ldd output" tabIndex={0}>
            {ldd.data.text}
          </pre>
          {ldd.data.libraries.length > 0 && (
            <table className="plain-table" aria-label="Why each library was found" ref={tableScroll}>
              <thead>
                <tr>
                  <th>Library</th>
                  <th>Found via</th>
                </tr>
              </thead>
              <tbody>
                {ldd.data.libraries.map((l) => (
                  <tr key={l.name}>
                    <td title={l.realPath ?? ''}>
                      <code>{l.name}</code>
                    </td>
                    <td className={l.path === null ? 'error-text' : ''}>
                      {l.path === null ? 'not found' : (WHY[l.foundVia ?? ''] ?? l.foundVia)}
                      {l.neededBy.length > 0 && (
                        <span className="muted">
                          {' '}
                          · needed by {l.neededBy.map((n) => n.slice(n.lastIndexOf('/') + 1)).join(', ')}
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
