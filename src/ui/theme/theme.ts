/**
 * Light or dark: the user's choice when they made one (kept in localStorage), otherwise the
 * system's prefers-color-scheme, followed live. The choice is written to <html data-theme>, which
 * tokens.css reads.
 */
export type Theme = 'light' | 'dark';
export const THEME_STORAGE_KEY = 'strata.theme';

const systemQuery = () => window.matchMedia('(prefers-color-scheme: light)');

export function storedTheme(): Theme | null {
  const value = window.localStorage.getItem(THEME_STORAGE_KEY);
  return value === 'light' || value === 'dark' ? value : null;
}

export function currentTheme(): Theme {
  return storedTheme() ?? (systemQuery().matches ? 'light' : 'dark');
}

export function applyTheme(): void {
  document.documentElement.dataset.theme = currentTheme();
}

export function chooseTheme(theme: Theme): void {
  window.localStorage.setItem(THEME_STORAGE_KEY, theme);
  applyTheme();
}

/** Follow the system while the user has not chosen. */
export function followSystemTheme(): void {
  applyTheme();
  systemQuery().addEventListener('change', applyTheme);
}
