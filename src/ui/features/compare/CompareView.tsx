/**
 * Compare two open images (two archives, or two images of one): pick old and new, read the summary and the
 * sections the CLI prints, see the linkage change drawn, and copy the CLI's Markdown for a pull request.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCompare } from '../../queries/use-compare';
import type { ImageRef } from '../../queries/use-files';
import { useStore } from '../../state/store';
import type { ComparePick } from '../../state/compare-slice';
import type { CompareChoice } from '../files/FilesToolbar';
import { CompareSections } from './CompareSections';
import { DiffGraph } from './DiffGraph';
import { useSummary } from './use-summary';
import './compare.css';
import { ErrorMessage } from '../../i18n/ErrorMessage';

const keyOf = (p: ComparePick) => `${p.archiveId}|${p.imageKey}`;

function Picker({
  label,
  value,
  choices,
  onChange,
}: {
  label: string;
  value: ComparePick;
  choices: readonly CompareChoice[];
  onChange: (pick: ComparePick) => void;
}) {
  return (
    <label className="compare-picker">
      {label}{' '}
      <select
        value={keyOf(value)}
        onChange={(e) => {
          const pick = choices.find((c) => keyOf(c) === e.target.value);
          if (pick) onChange({ archiveId: pick.archiveId, imageKey: pick.imageKey });
        }}
      >
        {choices.map((c) => (
          <option key={keyOf(c)} value={keyOf(c)}>
            {c.label}
          </option>
        ))}
      </select>
    </label>
  );
}

export function CompareView({
  image,
  currentLabel,
  choices: others,
}: {
  image: ImageRef;
  currentLabel: string;
  choices: readonly CompareChoice[];
}) {
  const current: CompareChoice = {
    archiveId: image.archiveId,
    imageKey: image.imageKey,
    label: currentLabel,
  };
  const choices = [current, ...others];
  const known = (p: ComparePick | null) => (p && choices.some((c) => keyOf(c) === keyOf(p)) ? p : null);
  const storedOld = known(useStore((s) => s.compareOld));
  const storedNew = known(useStore((s) => s.compareNew));
  const setPair = useStore((s) => s.setComparePair);
  // By default the shown image is "new" and the first other open image "old".
  const oldPick: ComparePick | null = storedOld ?? others[0] ?? null;
  const newPick: ComparePick = storedNew ?? current;
  const ref = (p: ComparePick | null): ImageRef | null =>
    p ? { archiveId: p.archiveId, imageKey: p.imageKey } : null;
  const same = oldPick !== null && keyOf(oldPick) === keyOf(newPick);
  const compare = useCompare(same ? null : ref(oldPick), same ? null : ref(newPick));
  const [copied, setCopied] = useState<'copied' | 'copyRefused' | null>(null);
  const { t } = useTranslation();
  const summary = useSummary();

  if (oldPick === null)
    return (
      <p className="muted" role="status">
        {t('compare.needSecond')}
      </p>
    );
  const copy = (markdown: string) => {
    navigator.clipboard.writeText(markdown).then(
      () => setCopied('copied'),
      () => setCopied('copyRefused'),
    );
  };
  return (
    <div className="compare">
      <div className="compare__bar">
        <Picker
          label={t('compare.old')}
          value={oldPick}
          choices={choices}
          onChange={(p) => setPair(p, newPick)}
        />
        <span aria-hidden>→</span>
        <Picker
          label={t('compare.new')}
          value={newPick}
          choices={choices}
          onChange={(p) => setPair(oldPick, p)}
        />
        {compare.data && (
          <button type="button" onClick={() => copy(compare.data.markdown)}>
            {t('compare.copyMarkdown')}
          </button>
        )}
        {copied && (
          <span className="muted" role="status">
            {t(`compare.${copied}`)}
          </span>
        )}
      </div>
      {same && <p className="muted">{t('compare.same')}</p>}
      {compare.isFetching && !compare.data && <p className="muted">{t('compare.comparing')}</p>}
      {compare.error && <ErrorMessage error={compare.error} />}
      {compare.data && (
        <>
          <p className="compare__summary" data-testid="compare-summary">
            <strong>
              {compare.data.result.old.name} → {compare.data.result.new.name}
            </strong>
            : {summary(compare.data.result)}
          </p>
          {compare.data.warnings.map((w) => (
            <p key={w} className="warn-text">
              {w}
            </p>
          ))}
          <CompareSections result={compare.data.result} />
          <section className="panel" aria-label={t('compare.linkageChange')}>
            <h2>{t('compare.linkageChange')}</h2>
            <DiffGraph graph={compare.data.graph} />
          </section>
          {copied === 'copyRefused' && (
            <textarea className="compare__markdown" readOnly value={compare.data.markdown} rows={12} />
          )}
        </>
      )}
    </div>
  );
}
