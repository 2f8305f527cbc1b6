/**
 * The page's live regions, always in the document so a screen reader hears each change: a polite
 * one for the page's state ("ready" once an image is indexed), and an assertive one for a view's
 * failed request. The archive's own errors are announced by the shell's alert where they are shown.
 */
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryErrors } from '../../queries/use-query-errors';
import type { AppState } from './use-active-archive';

export function Announcer({ appState }: { appState: AppState }) {
  const { t } = useTranslation();
  const [failure, setFailure] = useState('');
  useQueryErrors(useCallback((error: Error) => setFailure(error.message), []));
  return (
    <>
      <div className="visually-hidden" role="status" aria-live="polite" data-testid="announce-state">
        {appState === 'ready' ? t('shell.ready') : appState === 'loading' ? t('shell.loading') : ''}
      </div>
      <div className="visually-hidden" aria-live="assertive" aria-atomic="true" data-testid="announce-error">
        {failure && t('shell.viewFailed', { message: failure })}
      </div>
    </>
  );
}
