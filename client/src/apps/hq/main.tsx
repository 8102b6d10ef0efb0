import '../../lib/zod-config';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../../lib/i18n';
import '../../lib/styles/base.css';
import { createApi } from '../../lib/api';
import { AppProvider } from '../../lib/app-context';
import { SessionStore } from '../../lib/session';
import { HqApp } from './hq-app';
import { createQueryClient } from './query';
import './hq.css';

const session = new SessionStore('hq');
const api = createApi(session);
const queryClient = createQueryClient();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AppProvider value={{ app: 'hq', session, api }}>
      <QueryClientProvider client={queryClient}>
        <HqApp />
      </QueryClientProvider>
    </AppProvider>
  </StrictMode>,
);
