import { useSyncExternalStore, type MouseEvent } from 'react';

/**
 * A minimal history router for an app living under its base (`/hq/`): enough for a sidebar and
 * deep links (the worker serves the app's index.html for any /hq/... path).
 */
const EVENT = 'cloudcard:navigate';

function subscribe(fn: () => void) {
  window.addEventListener('popstate', fn);
  window.addEventListener(EVENT, fn);
  return () => {
    window.removeEventListener('popstate', fn);
    window.removeEventListener(EVENT, fn);
  };
}

/** The path inside the app: '/hq/stores' with base '/hq/' → 'stores'; the base itself → ''. */
export function subPath(pathname: string, base: string): string {
  if (!pathname.startsWith(base)) return '';
  return pathname.slice(base.length).replace(/\/+$/, '');
}

export function useSubPath(): string {
  const path = useSyncExternalStore(subscribe, () => location.pathname, () => '/');
  return subPath(path, import.meta.env.BASE_URL);
}

export function navigate(sub: string): void {
  const to = `${import.meta.env.BASE_URL}${sub}`;
  if (to === location.pathname) return;
  history.pushState(null, '', to);
  window.dispatchEvent(new Event(EVENT));
}

/** onClick for <a href>: plain clicks navigate in-app; ctrl/cmd-click still opens a new tab. */
export const linkClick = (sub: string) => (e: MouseEvent<HTMLAnchorElement>) => {
  if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  e.preventDefault();
  navigate(sub);
};
