/**
 * The layer stack like `podman history`: one row per build step, newest first, empty steps (ENV,
 * LABEL, CMD…) included and marked; details of a step (full command, digests, compression,
 * warnings) on demand. Each row's first cell is a disclosure button; ↑/↓ move between them (one
 * Tab stop, roving tabindex), Enter or Space opens a step, Escape closes it.
 */
import { Fragment, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HistoryStep } from '../../../protocol/messages';
import { displayCreatedBy } from '../../../protocol/format';
import { Time } from '../../i18n/Time';
import { useFormat } from '../../i18n/use-format';
import { useStore } from '../../state/store';
import { LayerDetails } from './LayerDetails';
import { StateBadge } from './StateBadge';
import { useRovingRows } from '../keyboard/use-roving-rows';
import './layers.css';

const focusedImages = new Set<string>();

export function LayersTable({
  rows,
  shared,
  focusKey,
}: {
  rows: readonly HistoryStep[];
  shared?: ReadonlyMap<number, string>;
  /** The shown image: the table takes focus the first time each image is shown. */
  focusKey?: string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const layer = useStore((s) => s.layer);
  const setLayer = useStore((s) => s.setLayer);
  // Which step's details are open is this table's own business (empty steps have no layer); it
  // opens on the current layer's step when the table is shown again.
  const [openStep, setOpenStep] = useState(() =>
    rows.findIndex((r) => r.layerIndex !== null && r.layerIndex === layer),
  );
  const current = rows.findIndex((r) => r.layerIndex !== null && r.layerIndex === layer);
  const roving = useRovingRows(rows.length, current);
  // The table takes focus when an image has just been opened, so the keyboard starts where the eyes
  // do; not when the user comes back to the Layers tab.
  useEffect(() => {
    if (!focusKey || focusedImages.has(focusKey)) return;
    focusedImages.add(focusKey);
    roving.focus(Math.max(0, current));
  }, [focusKey]); // eslint-disable-line react-hooks/exhaustive-deps

  const open = (i: number) => {
    const row = rows[i];
    if (!row) return;
    setOpenStep(openStep === i ? -1 : i);
    if (row.layerIndex !== null) setLayer(row.layerIndex);
  };
  return (
    <table className="layers" aria-label={t('views.layers')}>
      <thead>
        <tr>
          <th scope="col">{t('layers.layer')}</th>
          <th scope="col">{t('layers.created')}</th>
          <th scope="col">{t('layers.createdBy')}</th>
          <th scope="col" className="num">
            {t('layers.size')}
          </th>
          <th scope="col">{t('layers.comment')}</th>
          <th scope="col">{t('layers.state.heading')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row, i) => {
          const rowKey = rows.length - 1 - i;
          const isOpen = openStep === i;
          return (
            <Fragment key={rowKey}>
              <tr
                className={`layers__row${row.emptyLayer ? ' layers__row--empty' : ''}${isOpen ? ' layers__row--open' : ''}${row.layerIndex !== null && row.layerIndex === layer ? ' layers__row--current' : ''}`}
                data-layer-index={row.layerIndex ?? ''}
                onClick={(event) => {
                  if ((event.target as HTMLElement).closest('button')) return;
                  open(i);
                }}
              >
                <td className="num">
                  <button
                    type="button"
                    className="layers__toggle"
                    {...roving.rowButton(i)}
                    aria-expanded={isOpen}
                    aria-controls={isOpen ? `layer-step-${rowKey}` : undefined}
                    aria-label={
                      row.layerIndex === null
                        ? t('layers.stepLabel', { n: rowKey })
                        : t('layers.layerLabel', { layer: `L${row.layerIndex}` })
                    }
                    onKeyDown={(event) => {
                      if (event.key === 'Escape' && isOpen) {
                        setOpenStep(-1);
                        event.stopPropagation();
                      } else roving.rowButton(i).onKeyDown(event);
                    }}
                    onClick={() => open(i)}
                  >
                    <span aria-hidden="true">{isOpen ? '▾' : '▸'}</span>
                    {row.layerIndex === null ? '' : ` L${row.layerIndex}`}
                  </button>
                </td>
                <td>
                  <Time iso={row.created} />
                </td>
                <td className="layers__cmd" title={row.createdBy}>
                  {row.emptyLayer && <span className="tag">{t('layers.empty')}</span>}
                  {shared?.has(row.layerIndex ?? -1) && (
                    <span className="tag tag--shared">{shared.get(row.layerIndex ?? -1)}</span>
                  )}
                  <code>{displayCreatedBy(row.createdBy) || '—'}</code>
                </td>
                <td className="num">{row.size === null ? '…' : format.size(row.size)}</td>
                <td>{row.comment}</td>
                <td>
                  <StateBadge row={row} />
                </td>
              </tr>
              {isOpen && (
                <tr className="layers__details" id={`layer-step-${rowKey}`}>
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
