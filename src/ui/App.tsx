/** The app shell: composes the features and holds no logic (docs/conventions.md#small-files). */
import { useTranslation } from 'react-i18next';
import { DropTarget, FileInput } from './features/open/DropTarget';
import { StartScreen } from './features/open/StartScreen';
import { ProgressPanel } from './features/progress/ProgressPanel';
import { useActiveArchive } from './features/shell/use-active-archive';
import { Workspace } from './features/shell/Workspace';
import { ArchiveTabs } from './features/shell/ArchiveTabs';
import { Preferences } from './features/shell/Preferences';
import { ShortcutsDialog } from './features/shell/ShortcutsDialog';
import { useShortcuts } from './features/shell/use-shortcuts';
import { Announcer } from './features/shell/Announcer';
import { PendingLink } from './features/shell/PendingLink';
import { ArchiveFailures } from './features/shell/ArchiveFailures';
import { biggestLayer } from './features/files/biggest-layer';
import { useStore } from './state/store';
import './features/shell/shell.css';

export function App() {
  const { t } = useTranslation();
  const { opened, archive, imageKey, view, appState, message, cancel } = useActiveArchive();
  const helpOpen = useStore((s) => s.helpOpen);
  const setHelpOpen = useStore((s) => s.setHelpOpen);
  useShortcuts({
    ready: view?.complete ?? false,
    layerCount: view?.inspect.layers.length ?? 0,
    filesLayer: view ? biggestLayer(view.history) : null,
  });
  return (
    <DropTarget>
      <header className="topbar">
        <span className="logo">strata</span>
        <ArchiveTabs />
        <span className="topbar__spacer" />
        <span className="muted topbar__privacy">{t('shell.privacy')}</span>
        {opened && <FileInput label={t('open.another')} />}
        <button
          type="button"
          className="button button--secondary button--small"
          aria-keyshortcuts="?"
          onClick={() => setHelpOpen(true)}
        >
          {t('shortcuts.button')}
        </button>
        <Preferences />
      </header>
      <main>
        <Announcer appState={appState} />
        <PendingLink />
        <ArchiveFailures />
        {appState === 'loading' && <ProgressPanel onCancel={cancel} />}
        {message && (
          <div role="alert" className="error-panel">
            <strong>{t('shell.cannotShow')}</strong> {message}
          </div>
        )}
        {!opened && <StartScreen />}
        {opened && archive && (
          <Workspace archiveId={opened.archiveId} archive={archive} imageKey={imageKey} view={view} />
        )}
      </main>
      <ShortcutsDialog open={helpOpen} onOpenChange={setHelpOpen} />
    </DropTarget>
  );
}
