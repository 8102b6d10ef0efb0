import '../../lib/zod-config';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../../lib/i18n';
import '../../lib/styles/base.css';
import { createApi } from '../../lib/api';
import { AppProvider } from '../../lib/app-context';
import { SessionStore } from '../../lib/session';
import { ClerkApp } from './clerk-app';
import './clerk.css';

const session = new SessionStore('clerk');
const api = createApi(session);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AppProvider value={{ app: 'clerk', session, api }}>
      <ClerkApp />
    </AppProvider>
  </StrictMode>,
);
