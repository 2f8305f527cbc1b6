import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
// The tokens and shared styles come first: each feature's stylesheet builds on them.
import './ui/theme/tokens.css';
import './ui/theme/base.css';
import { App } from './ui/App';
import { useStore } from './ui/state/store';
import { decodeShare } from './ui/features/linkage/share-link';

const queryClient = new QueryClient({
  defaultOptions: { queries: { staleTime: Infinity, refetchOnWindowFocus: false } },
});
document.body.dataset.appState = 'empty';
// A shared link names an image: its view is applied once the user opens that image.
useStore.getState().setPendingShare(decodeShare(window.location.hash));

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);
