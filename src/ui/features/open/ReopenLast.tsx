/** After a reload: offer the archive opened last (its name only; the file is read again from disk). */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fileOf, readLast, type LastArchive } from './last-archive';
import { openFiles, openSample } from './open-file';

export function ReopenLast() {
  const { t } = useTranslation();
  const [last, setLast] = useState<LastArchive | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void readLast().then((found) => live && setLast(found));
    return () => {
      live = false;
    };
  }, []);
  if (!last) return null;
  const name = last.kind === 'sample' ? 'sample.tar' : last.handle.name;
  const reopen = async () => {
    try {
      if (last.kind === 'sample') await openSample();
      else openFiles([await fileOf(last.handle)]);
    } catch {
      setError(t('open.reopenFailed', { name }));
    }
  };
  return (
    <>
      <button
        type="button"
        className="button button--secondary"
        data-testid="reopen-last"
        onClick={() => void reopen()}
      >
        {t('open.reopen', { name })}
      </button>
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
    </>
  );
}
