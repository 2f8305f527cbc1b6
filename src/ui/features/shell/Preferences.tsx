/** The page's language and theme, each remembered in localStorage. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, toLanguage, type Language } from '../../i18n/i18n';
import { chooseTheme, currentTheme, type Theme } from '../../theme/theme';

const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', 'zh-CN': '简体中文' };

export function Preferences() {
  const { t, i18n } = useTranslation();
  const [theme, setTheme] = useState<Theme>(currentTheme);
  const next: Theme = theme === 'dark' ? 'light' : 'dark';
  return (
    <div className="preferences">
      <label className="preferences__language">
        <span className="visually-hidden">{t('prefs.language')}</span>
        <select
          value={toLanguage(i18n.language)}
          onChange={(event) => void i18n.changeLanguage(event.currentTarget.value)}
        >
          {LANGUAGES.map((lng) => (
            <option key={lng} value={lng} lang={lng}>
              {LANGUAGE_NAMES[lng]}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        className="button button--secondary button--small"
        aria-label={t(`prefs.theme.${next}`)}
        title={t(`prefs.theme.${next}`)}
        onClick={() => {
          chooseTheme(next);
          setTheme(next);
        }}
      >
        <span aria-hidden="true">{theme === 'dark' ? '☀' : '☾'}</span>
      </button>
    </div>
  );
}
