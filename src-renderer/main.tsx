// Boots the renderer: i18n, TanStack Query, the app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import './i18n';
import './styles/app.css';
import { App } from './app/App';
import { ConnectionGate } from './screens/connection/ConnectionGate';
import { storedLanguage } from './i18n';

document.documentElement.lang = storedLanguage();
const queryClient = new QueryClient({ defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false, staleTime: 5_000 } } });

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <ConnectionGate>
        <App />
      </ConnectionGate>
    </QueryClientProvider>
  </StrictMode>,
);
