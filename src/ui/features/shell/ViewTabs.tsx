/** The views of one image. File views wait until every layer is indexed. */
import { useStore, type View } from '../../state/store';

const TABS: { view: View; label: string; needsIndex: boolean }[] = [
  { view: 'layers', label: 'Layers', needsIndex: false },
  { view: 'files', label: 'Files', needsIndex: true },
  { view: 'waste', label: 'Waste', needsIndex: true },
  { view: 'packages', label: 'Packages', needsIndex: true },
  { view: 'linkage', label: 'Linkage', needsIndex: true },
  { view: 'compare', label: 'Compare', needsIndex: true },
  { view: 'names', label: 'Names', needsIndex: false },
];

export function ViewTabs({ ready }: { ready: boolean }) {
  const current = useStore((s) => s.view);
  const setView = useStore((s) => s.setView);
  return (
    <div className="view-tabs" role="tablist" aria-label="Views">
      {TABS.map((t) => (
        <button
          key={t.view}
          type="button"
          role="tab"
          aria-selected={current === t.view}
          disabled={t.needsIndex && !ready}
          className={current === t.view ? 'view-tab view-tab--active' : 'view-tab'}
          onClick={() => setView(t.view)}
        >
          {t.label}
        </button>
      ))}
    </div>
  );
}
