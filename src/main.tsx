import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
// The tokens and shared styles come first: each feature's stylesheet builds on them.
import './ui/theme/tokens.css';
import './ui/theme/base.css';
import { App } from './ui/App';
import { startI18n } from './ui/i18n/i18n';
import { followSystemTheme } from './ui/theme/theme';
import { startUrlState } from './ui/url/url-state';

const queryClient = new QueryClient({
  defaultOptions: { queries: { staleTime: Infinity, refetchOnWindowFocus: false } },
});
document.body.dataset.appState = 'empty';
// Theme and language are set before the first paint, so the page never flashes the other one.
followSystemTheme();
startI18n();
// The URL holds where the user is; a link naming an image waits for that image to be opened.
startUrlState();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);
