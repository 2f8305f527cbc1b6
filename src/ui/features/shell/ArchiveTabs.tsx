/**
 * One tab per opened archive; each keeps its state in the worker until closed. A file that could
 * not be read keeps its tab (with the reason) until closed: the archives opened before it stay.
 */
import { useQueryClient } from '@tanstack/react-query';
import type { ArchiveSummary } from '../../../protocol/messages';
import { getClient } from '../../../client';
import { queryKeys } from '../../queries/keys';
import { useStore } from '../../state/store';

export function ArchiveTabs() {
  const files = useStore((s) => s.files);
  const activeKey = useStore((s) => s.activeKey);
  const queryClient = useQueryClient();
  if (files.length < 2) return null;
  const close = (key: string) => {
    const summary = queryClient.getQueryData<ArchiveSummary>(queryKeys.archive(key));
    if (summary) void getClient().request({ type: 'close', archiveId: summary.archiveId });
    void queryClient.cancelQueries({ queryKey: queryKeys.archive(key) });
    queryClient.removeQueries({ queryKey: queryKeys.archive(key) });
    useStore.getState().closeFile(key);
  };
  return (
    <nav className="tabs" aria-label="Open archives">
      {files.map((f) => (
        <span key={f.key} className={f.key === activeKey ? 'tab tab--active' : 'tab'}>
          <button
            type="button"
            className="tab__name"
            aria-current={f.key === activeKey}
            onClick={() => useStore.setState({ activeKey: f.key, selectedLayer: null, layer: null })}
          >
            {f.file.name}
          </button>
          <button
            type="button"
            className="tab__close"
            aria-label={`Close ${f.file.name}`}
            onClick={() => close(f.key)}
          >
            ×
          </button>
        </span>
      ))}
    </nav>
  );
}
