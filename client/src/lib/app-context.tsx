import { createContext, useCallback, useContext, useSyncExternalStore, type ReactNode } from 'react';
import type { Api } from './api';
import type { AppName, Session, SessionStore } from './session';

type AppContextValue = { app: AppName; session: SessionStore; api: Api };

const AppContext = createContext<AppContextValue | null>(null);

export function AppProvider({ value, children }: { value: AppContextValue; children: ReactNode }) {
  return <AppContext.Provider value={value}>{children}</AppContext.Provider>;
}

export function useApp(): AppContextValue {
  const ctx = useContext(AppContext);
  if (!ctx) throw new Error('useApp outside <AppProvider>');
  return ctx;
}

export const useApi = (): Api => useApp().api;

/** The current session; re-renders on sign-in, sign-out and a 401 anywhere. */
export function useSession(): Session | null {
  const { session } = useApp();
  return useSyncExternalStore(session.subscribe, session.get, session.get);
}

/** Revokes the token on the server (best effort: offline still signs out here) and forgets it. */
export function useSignOut(): () => Promise<void> {
  const { api, session } = useApp();
  return useCallback(async () => {
    try {
      await api.post('/api/auth/logout');
    } catch {
      /* offline or already expired: the local sign-out is what matters */
    }
    session.clear();
  }, [api, session]);
}
