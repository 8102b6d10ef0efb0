import { QueryClient } from '@tanstack/react-query';
import { ApiError } from '../../lib/api';

/**
 * HQ is online work (decision 022): plain API calls cached by TanStack Query. A 4xx is the
 * answer, not a flake, so only network and server errors are retried; screens refetch on focus
 * so a second HQ tab sees the other's edits.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        retry: (n, e) => n < 2 && !(e instanceof ApiError && e.status >= 400 && e.status < 500),
      },
      mutations: { retry: false },
    },
  });
}
