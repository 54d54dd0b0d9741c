// The QueryClient, as TanStack's nextjs-app-prefetching example: a new client for every server
// request (never share cached data between users), one singleton in the browser (so a render that
// suspends before the provider commits does not throw the cache away).
import { defaultShouldDehydrateQuery, isServer, QueryClient } from "@tanstack/react-query";
import { ApiError } from "@/domain/errors";

/** 4xx answers are final (bad input, no session, unseen bill): retrying only delays the message. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status < 500) return false;
  return failureCount < 2;
}

function makeQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Long enough that a hover prefetch is reused when the dialog opens a moment later, short
        // enough that a colleague's callout shows up soon on a bill left open.
        staleTime: 20 * 1000,
        retry: shouldRetry,
      },
      mutations: { retry: false },
      dehydrate: {
        // Include pending queries, so a server prefetch can stream to the client.
        shouldDehydrateQuery: (query) => defaultShouldDehydrateQuery(query) || query.state.status === "pending",
      },
    },
  });
}

let browserQueryClient: QueryClient | undefined;

export function getQueryClient(): QueryClient {
  if (isServer) return makeQueryClient();
  browserQueryClient ??= makeQueryClient();
  return browserQueryClient;
}
