/** Download one file of the image, read from the archive in pieces; nothing is uploaded. */
import { useTranslation } from 'react-i18next';
import { useState } from 'react';
import { downloadBlob } from '../download';
import { errorText } from '../../i18n/error-text';
import { readWholeFile, type ImageRef } from '../../queries/use-files';

export function DownloadButton({ image, layer, path }: { image: ImageRef; layer: number; path: string }) {
  const { t, i18n } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const download = async () => {
    setBusy(true);
    setError(null);
    try {
      const { parts } = await readWholeFile(image, layer, path);
      downloadBlob(
        new Blob(parts as Uint8Array<ArrayBuffer>[], { type: 'application/octet-stream' }),
        path.split('/').pop() || 'file',
      );
    } catch (e) {
      setError(errorText(e, t, i18n.language));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button
        type="button"
        className="button button--secondary"
        disabled={busy}
        onClick={() => void download()}
      >
        {busy ? t('common.reading') : t('files.download')}
      </button>
      {error && <span className="error-text">{error}</span>}
    </>
  );
}
