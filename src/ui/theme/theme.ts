/**
 * Light or dark: the user's choice when they made one (kept in localStorage), otherwise the
 * system's prefers-color-scheme, followed live. The choice is written to <html data-theme>, which
 * tokens.css reads.
 */
import { useSyncExternalStore } from 'react';

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

function subscribeTheme(onChange: () => void): () => void {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  return () => observer.disconnect();
}

const shownTheme = (): Theme => (document.documentElement.dataset.theme === 'light' ? 'light' : 'dark');

/** The theme the page is drawn in now, following every change (the user's switch or the system's). */
export function useTheme(): Theme {
  return useSyncExternalStore(subscribeTheme, shownTheme);
}
