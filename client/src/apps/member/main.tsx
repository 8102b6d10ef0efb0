// No zod-config here: the member app bundles no zod (its JavaScript budget is 200 KiB; the
// schemas' constants it needs live in zod-free modules).
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../../lib/i18n-member';
import '../../lib/styles/base.css';
import { createApi } from '../../lib/api';
import { AppProvider } from '../../lib/app-context';
import { SessionStore } from '../../lib/session';
import { MemberApp } from './member-app';
import './member.css';

const session = new SessionStore('member');
const api = createApi(session);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AppProvider value={{ app: 'member', session, api }}>
      <MemberApp />
    </AppProvider>
  </StrictMode>,
);
