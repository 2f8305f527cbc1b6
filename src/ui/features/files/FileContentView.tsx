/** A file's contents, read on demand: text (capped, with "load more"), a picture, or a hex dump. */
import { useEffect, useMemo, useState } from 'react';
import { useFileContent, type ImageRef } from '../../queries/use-files';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/use-format';
import { hexDump, sniffContent } from './content-kind';
import { DownloadButton } from './DownloadButton';
import { ErrorMessage } from '../../i18n/ErrorMessage';

const FIRST_PAGE = 64 * 1024;

export function FileContentView({ image, layer, path }: { image: ImageRef; layer: number; path: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [length, setLength] = useState(FIRST_PAGE);
  const content = useFileContent(image, layer, path, length);
  const data = content.data;
  const sniffed = useMemo(() => (data ? sniffContent(data.bytes) : undefined), [data]);
  const url = useMemo(
    () =>
      data && sniffed?.kind === 'image' && data.bytes.length >= data.size
        ? URL.createObjectURL(new Blob([data.bytes as Uint8Array<ArrayBuffer>], { type: sniffed.mime }))
        : null,
    [data, sniffed],
  );
  useEffect(
    () => () => {
      if (url) URL.revokeObjectURL(url);
    },
    [url],
  );

  if (content.isPending) return <p className="muted">{t('common.reading')}</p>;
  if (content.error) return <ErrorMessage error={content.error} />;
  if (!data) return null;
  if (data.kind !== 'file' && data.kind !== 'hardlink')
    return <p className="muted">{t('content.none', { kind: t(`files.kind.${data.kind}`) })}</p>;
  const partial = data.bytes.length < data.size;
  const wantsWhole = sniffed?.kind === 'image' && partial && data.size <= 16 * 1024 * 1024;
  return (
    <div className="content" aria-label={t('content.label')}>
      <div className="content__bar">
        <span className="muted">
          {data.resolvedPath !== data.path && `${data.resolvedPath} · `}
          {format.size(data.size)} · {sniffed ? t(`content.kind.${sniffed.kind}`) : ''}
        </span>
        <DownloadButton image={image} layer={layer} path={path} />
      </div>
      {sniffed?.kind === 'text' && (
        <pre className="content__text scroll-region" tabIndex={0} aria-label={path}>
          {new TextDecoder().decode(data.bytes)}
        </pre>
      )}
      {sniffed?.kind === 'image' &&
        (url ? (
          <img className="content__image" src={url} alt={path} />
        ) : wantsWhole ? (
          <button type="button" className="button button--secondary" onClick={() => setLength(data.size)}>
            {t('content.showPicture')}
          </button>
        ) : null)}
      {(sniffed?.kind === 'binary' || sniffed?.kind === 'elf') && (
        <pre className="content__hex scroll-region" tabIndex={0} aria-label={path}>
          {hexDump(data.bytes, 0, 16 * 1024)}
        </pre>
      )}
      {partial && sniffed?.kind !== 'image' && (
        <button type="button" className="button button--secondary" onClick={() => setLength((l) => l * 4)}>
          {t('content.more', { size: format.size(data.size - data.bytes.length) })}
        </button>
      )}
    </div>
  );
}
