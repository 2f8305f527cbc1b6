/**
 * A polite live region for the page's state, so a screen reader hears "ready" once an image is
 * indexed. Errors are announced by their own panel (role="alert") where they are shown.
 */
import { useTranslation } from 'react-i18next';
import type { AppState } from './use-active-archive';

export function Announcer({ appState }: { appState: AppState }) {
  const { t } = useTranslation();
  return (
    <div className="visually-hidden" role="status" aria-live="polite">
      {appState === 'ready' ? t('shell.ready') : appState === 'loading' ? t('shell.loading') : ''}
    </div>
  );
}
