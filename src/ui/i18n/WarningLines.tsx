/** Warnings the core wrote, one line each, said in the page's language where the core named the sentence. */
import { useTranslation } from 'react-i18next';
import type { Said } from '../../protocol/messages';
import { saidText } from './said-text';

export function WarningLines({
  english,
  said,
}: {
  english: readonly string[];
  /** The same warnings by name, in the same order; a missing one is shown in English. */
  said?: readonly (Said | null | undefined)[] | undefined;
}) {
  const { t, i18n } = useTranslation();
  return english.map((w, i) => (
    <p key={`${i}:${w}`} className="warn-text">
      {saidText(said?.[i] ?? w, t, i18n.language, w)}
    </p>
  ));
}
