/** One tab per opened archive; each keeps its state in the worker until closed. */
import { useStore } from '../../state/store';

export function ArchiveTabs() {
  const files = useStore((s) => s.files);
  const activeKey = useStore((s) => s.activeKey);
  if (files.length < 2) return null;
  return (
    <nav className="tabs" aria-label="Open archives">
      {files.map((f) => (
        <button
          key={f.key}
          type="button"
          className={f.key === activeKey ? 'tab tab--active' : 'tab'}
          aria-current={f.key === activeKey}
          onClick={() => useStore.setState({ activeKey: f.key, selectedLayer: null })}
        >
          {f.file.name}
        </button>
      ))}
    </nav>
  );
}
