/** The theme a picture's SVG and PNG exports are written in: the Linkage view's and the Compare view's. */
import { useTranslation } from 'react-i18next';
export type PictureTheme = 'light' | 'dark';

export function ExportTheme({
  theme,
  onChange,
}: {
  theme: PictureTheme;
  onChange: (theme: PictureTheme) => void;
}) {
  const { t } = useTranslation();
  return (
    <label>
      {t('linkage.exportTheme')}{' '}
      <select
        aria-label={t('linkage.exportTheme')}
        value={theme}
        onChange={(e) => onChange(e.currentTarget.value === 'dark' ? 'dark' : 'light')}
      >
        <option value="light">{t('linkage.themeLight')}</option>
        <option value="dark">{t('linkage.themeDark')}</option>
      </select>
    </label>
  );
}
