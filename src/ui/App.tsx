/** The app shell: composes the features and holds no logic (docs/conventions.md#small-files). */
import { DropTarget, FileInput } from './features/open/DropTarget';
import { StartScreen } from './features/open/StartScreen';
import { ProgressPanel } from './features/progress/ProgressPanel';
import { useActiveArchive } from './features/shell/use-active-archive';
import { Workspace } from './features/shell/Workspace';
import { ArchiveTabs } from './features/shell/ArchiveTabs';
import { useStore } from './state/store';
import './features/shell/shell.css';

export function App() {
  const { opened, archive, imageKey, view, appState, message, cancel } = useActiveArchive();
  const progress = useStore((s) => s.progress);
  const startedAt = useStore((s) => s.progressStartedAt);
  return (
    <DropTarget>
      <header className="topbar">
        <span className="logo">strata</span>
        <ArchiveTabs />
        <span className="topbar__spacer" />
        <span className="muted topbar__privacy">Files never leave this tab</span>
        {opened && <FileInput label="Open another…" />}
      </header>
      <main>
        {appState === 'loading' && (
          <ProgressPanel progress={progress} startedAt={startedAt} onCancel={cancel} />
        )}
        {message && (
          <div role="alert" className="error-panel">
            <strong>This file cannot be shown.</strong> {message}
          </div>
        )}
        {!opened && <StartScreen />}
        {opened && archive && (
          <Workspace archiveId={opened.archiveId} archive={archive} imageKey={imageKey} view={view} />
        )}
      </main>
    </DropTarget>
  );
}
