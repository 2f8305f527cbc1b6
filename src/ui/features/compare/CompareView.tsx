/**
 * Compare two open images (two archives, or two images of one): pick old and new, read the summary and the
 * sections the CLI prints, see the linkage change drawn, and copy the CLI's Markdown for a pull request.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCompare } from '../../queries/use-compare';
import type { ImageRef } from '../../queries/use-files';
import { useStore } from '../../state/store';
import type { ComparePick } from '../../state/compare-slice';
import type { CompareChoice } from '../files/FilesToolbar';
import { CompareDirectories } from './CompareDirectories';
import { CompareSections } from './CompareSections';
import { DiffGraph } from './DiffGraph';
import { useSummary } from './use-summary';
import './compare.css';
import { ErrorMessage } from '../../i18n/ErrorMessage';
import { WarningLines } from '../../i18n/WarningLines';

const shortId = (id: string) => id.replace(/^sha256:/, '').slice(0, 12);
const keyOf = (c: CompareChoice) => `${c.archiveId}|${c.imageKey}`;
const pickOf = (c: CompareChoice): ComparePick => ({ imageId: c.imageId, name: c.name });

function Picker({
  label,
  value,
  choices,
  onChange,
}: {
  label: string;
  value: CompareChoice | null;
  choices: readonly CompareChoice[];
  onChange: (pick: ComparePick) => void;
}) {
  return (
    <label className="compare-picker">
      {label}{' '}
      <select
        value={value ? keyOf(value) : ''}
        onChange={(e) => {
          const pick = choices.find((c) => keyOf(c) === e.target.value);
          if (pick) onChange(pickOf(pick));
        }}
      >
        {value === null && <option value="" />}
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
  current,
  choices: others,
}: {
  current: CompareChoice;
  choices: readonly CompareChoice[];
}) {
  const { t } = useTranslation();
  const choices = [current, ...others];
  const storedOld = useStore((s) => s.compareOld);
  const storedNew = useStore((s) => s.compareNew);
  const setPair = useStore((s) => s.setComparePair);
  // An image is found by its id in whichever open archive holds it (the shown one first).
  const find = (p: ComparePick) => choices.find((c) => c.imageId === p.imageId) ?? null;
  // By default the shown image is "new" and the first other open image "old".
  const defaultOld = others[0] ?? null;
  const oldChoice = storedOld ? find(storedOld) : defaultOld;
  const newChoice = storedNew ? find(storedNew) : current;
  // Images a link names that are not open (yet): the comparison waits for them.
  const missing = [
    storedOld && !oldChoice ? { role: t('compareLink.old'), pick: storedOld } : null,
    storedNew && !newChoice ? { role: t('compareLink.new'), pick: storedNew } : null,
  ].filter((m) => m !== null);
  // The default pair is written down, so the page's URL names both images.
  const fill = storedOld === null && storedNew === null && defaultOld !== null;
  useEffect(() => {
    if (fill) setPair(pickOf(defaultOld), pickOf(current));
  });
  const ref = (c: CompareChoice | null): ImageRef | null =>
    c ? { archiveId: c.archiveId, imageKey: c.imageKey } : null;
  const same = oldChoice !== null && newChoice !== null && oldChoice.imageId === newChoice.imageId;
  const compare = useCompare(same ? null : ref(oldChoice), same ? null : ref(newChoice));
  const [copied, setCopied] = useState<'copied' | 'copyRefused' | null>(null);
  const summary = useSummary();

  if (oldChoice === null && missing.length === 0)
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
          value={oldChoice}
          choices={choices}
          onChange={(p) => setPair(p, storedNew ?? pickOf(current))}
        />
        <span aria-hidden>→</span>
        <Picker
          label={t('compare.new')}
          value={newChoice}
          choices={choices}
          onChange={(p) => setPair(storedOld ?? (defaultOld && pickOf(defaultOld)), p)}
        />
        {compare.data && (
          <button
            type="button"
            className="button button--secondary"
            onClick={() => copy(compare.data.markdown)}
          >
            {t('compare.copyMarkdown')}
          </button>
        )}
        {copied && (
          <span className="muted" role="status">
            {t(`compare.${copied}`)}
          </span>
        )}
      </div>
      {missing.map(({ role, pick }) => (
        <p key={role} className="warn-text" role="status">
          {t(pick.name ? 'compareLink.waitingNamed' : 'compareLink.waiting', {
            role,
            name: pick.name,
            id: shortId(pick.imageId),
          })}
        </p>
      ))}
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
          <WarningLines english={compare.data.warnings} said={compare.data.warningSentences} />
          <CompareSections result={compare.data.result} />
          <CompareDirectories
            key={`${oldChoice?.imageId ?? ''}|${newChoice?.imageId ?? ''}`}
            report={compare.data}
          />
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
