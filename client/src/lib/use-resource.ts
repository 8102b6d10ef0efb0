import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react';

export type Resource<T> =
  | { status: 'loading'; data: T | undefined; error: undefined; reload: () => void }
  | { status: 'ok'; data: T; error: undefined; reload: () => void }
  | { status: 'error'; data: T | undefined; error: unknown; reload: () => void };

/**
 * Loads data for a screen: `const me = useResource(() => api.get<Me>('/api/me'), [])`. Keeps the
 * last data while reloading; a stale answer (deps changed meanwhile) is dropped.
 */
export function useResource<T>(load: () => Promise<T>, deps: DependencyList): Resource<T> {
  const [state, setState] = useState<{ status: 'loading' | 'ok' | 'error'; data?: T; error?: unknown }>({ status: 'loading' });
  const [nonce, setNonce] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    let live = true;
    setState((s) => ({ status: 'loading', data: s.data }));
    loadRef.current().then(
      (data) => live && setState({ status: 'ok', data }),
      (error: unknown) => live && setState((s) => ({ status: 'error', data: s.data, error })),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, nonce]);

  const reload = useCallback(() => setNonce((n) => n + 1), []);
  return { ...state, reload } as Resource<T>;
}
