"use client";

import { QueryClientProvider } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { getQueryClient } from "@/client/query-client";

export function Providers({ children }: { children: ReactNode }) {
  // Not useState: without a Suspense boundary above, React would drop a state-held client if the
  // first render suspends. getQueryClient() returns the browser singleton instead.
  const queryClient = getQueryClient();
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
}
