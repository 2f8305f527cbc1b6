/** A failed request's sentence in the page's language, where a view would have been. */
import { useTranslation } from 'react-i18next';
import { errorText } from './error-text';

export function ErrorMessage({ error }: { error: unknown }) {
  const { t, i18n } = useTranslation();
  return <p className="error-text">{errorText(error, t, i18n.language)}</p>;
}
