/** A layer's reading state: verified, digest mismatch, failed, not included, or in progress. */
import type { HistoryStep } from '../../../protocol/messages';

export function StateBadge({ row }: { row: HistoryStep }) {
  if (row.emptyLayer) return null;
  if (row.state === 'failed')
    return (
      <span className="badge badge--bad" title={row.error ?? ''}>
        failed
      </span>
    );
  if (row.state === 'absent')
    return (
      <span className="badge badge--muted" title={row.error ?? ''}>
        not included
      </span>
    );
  if (row.state === 'pending' || row.state === 'indexing')
    return <span className="badge badge--muted">{row.state === 'indexing' ? 'reading…' : 'waiting'}</span>;
  if (row.verified === false)
    return (
      <span className="badge badge--warn" title={row.warnings.join('\n')}>
        diff_id mismatch
      </span>
    );
  if (row.verified === true)
    return (
      <span className="badge badge--ok" title="sha256 of the uncompressed layer equals the config's diff_id">
        verified
      </span>
    );
  return <span className="badge badge--muted">read</span>;
}
