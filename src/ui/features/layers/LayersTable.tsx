/**
 * The layer stack like `podman history`: one row per build step, newest first, empty steps (ENV,
 * LABEL, CMD…) included and marked; details of a step (full command, digests, compression,
 * warnings) on demand.
 */
import { Fragment, useState } from 'react';
import type { HistoryStep } from '../../../protocol/messages';
import { displayCreatedBy, formatAgo, formatSize } from '../../../protocol/format';
import { useStore } from '../../state/store';
import { LayerDetails } from './LayerDetails';
import { StateBadge } from './StateBadge';
import './layers.css';

export function LayersTable({
  rows,
  shared,
}: {
  rows: readonly HistoryStep[];
  shared?: ReadonlyMap<number, string>;
}) {
  const layer = useStore((s) => s.layer);
  const setLayer = useStore((s) => s.setLayer);
  // Which step's details are open is this table's own business (empty steps have no layer); it
  // opens on the current layer's step when the table is shown again.
  const [openStep, setOpenStep] = useState(() =>
    rows.findIndex((r) => r.layerIndex !== null && r.layerIndex === layer),
  );
  return (
    <table className="layers" aria-label="Layers">
      <thead>
        <tr>
          <th scope="col">Layer</th>
          <th scope="col">Created</th>
          <th scope="col">Created by</th>
          <th scope="col" className="num">
            Size
          </th>
          <th scope="col">Comment</th>
          <th scope="col">State</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row, i) => {
          const rowKey = rows.length - 1 - i;
          const open = openStep === i;
          return (
            <Fragment key={rowKey}>
              <tr
                className={`layers__row${row.emptyLayer ? ' layers__row--empty' : ''}${open ? ' layers__row--open' : ''}`}
                aria-expanded={open}
                data-layer-index={row.layerIndex ?? ''}
                onClick={() => {
                  setOpenStep(open ? -1 : i);
                  if (row.layerIndex !== null) setLayer(row.layerIndex);
                }}
              >
                <td className="num">{row.layerIndex === null ? '' : `L${row.layerIndex}`}</td>
                <td title={row.created ?? ''}>{formatAgo(row.created)}</td>
                <td className="layers__cmd" title={row.createdBy}>
                  {row.emptyLayer && <span className="tag">empty</span>}
                  {shared?.has(row.layerIndex ?? -1) && (
                    <span className="tag tag--shared">{shared.get(row.layerIndex ?? -1)}</span>
                  )}
                  <code>{displayCreatedBy(row.createdBy) || '—'}</code>
                </td>
                <td className="num">{row.size === null ? '…' : formatSize(row.size)}</td>
                <td>{row.comment}</td>
                <td>
                  <StateBadge row={row} />
                </td>
              </tr>
              {open && (
                <tr className="layers__details">
                  <td colSpan={6}>
                    <LayerDetails row={row} />
                  </td>
                </tr>
              )}
            </Fragment>
          );
        })}
      </tbody>
    </table>
  );
}
