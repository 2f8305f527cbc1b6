/** The full record of one build step: command as stored, identities, compression, warnings. */
import type { HistoryStep } from '../../../protocol/messages';
import { formatSize } from '../../../protocol/format';

export function LayerDetails({ row }: { row: HistoryStep }) {
  return (
    <dl className="details">
      <dt>Created by</dt>
      <dd>
        <pre>{row.createdBy || '—'}</pre>
      </dd>
      {row.created && (
        <>
          <dt>Created</dt>
          <dd>{row.created}</dd>
        </>
      )}
      {row.author && (
        <>
          <dt>Author</dt>
          <dd>{row.author}</dd>
        </>
      )}
      {row.emptyLayer ? (
        <>
          <dt>Layer</dt>
          <dd>none — this step changed only the image config</dd>
        </>
      ) : (
        <>
          <dt>diff_id</dt>
          <dd>
            <code>{row.diffId ?? '—'}</code>
          </dd>
          <dt>Digest</dt>
          <dd>
            <code>{row.digest ?? '—'}</code>
          </dd>
          <dt>Compression</dt>
          <dd>
            {row.compression ?? '—'}
            {row.compressedSize !== null &&
              ` · ${formatSize(row.compressedSize)} stored (${row.compressedSize.toLocaleString('en')} bytes)`}
          </dd>
          <dt>Size</dt>
          <dd>
            {row.size === null
              ? '—'
              : `${formatSize(row.size)} uncompressed (${row.size.toLocaleString('en')} bytes)`}
          </dd>
        </>
      )}
      {row.error && (
        <>
          <dt>Error</dt>
          <dd className="error-text">{row.error}</dd>
        </>
      )}
      {row.warnings.map((w) => (
        <WarningItem key={w} text={w} />
      ))}
    </dl>
  );
}

function WarningItem({ text }: { text: string }) {
  return (
    <>
      <dt>Warning</dt>
      <dd className="warn-text">{text}</dd>
    </>
  );
}
