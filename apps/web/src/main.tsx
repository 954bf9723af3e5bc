import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { I18nextProvider } from "react-i18next";
// Sarabun is bundled with the app (Thai and Latin, three weights) so it works offline and without any CDN.
import "@fontsource/sarabun/thai-400.css";
import "@fontsource/sarabun/thai-600.css";
import "@fontsource/sarabun/thai-700.css";
import "@fontsource/sarabun/latin-400.css";
import "@fontsource/sarabun/latin-600.css";
import "@fontsource/sarabun/latin-700.css";
import "./styles.css";
import { isApiError } from "./api/client";
import { App } from "./App";
import { authKeys } from "./features/auth/queries";
import { i18n, initI18n } from "./i18n";

// A 401 anywhere means the session ended (timeout, sign-out elsewhere): refresh who we are so the header
// and the admin pages follow.
function onApiError(error: unknown): void {
  if (isApiError(error) && error.code === "unauthenticated") {
    void queryClient.invalidateQueries({ queryKey: authKeys.me });
  }
}

const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError: onApiError }),
  mutationCache: new MutationCache({ onError: onApiError }),
  defaultOptions: {
    queries: {
      // Client errors (4xx) do not improve by retrying; network and server errors get one more try.
      retry: (failureCount, error) =>
        failureCount < 1 && !(isApiError(error) && error.status >= 400 && error.status < 500),
      refetchOnWindowFocus: false,
    },
  },
});

async function start(): Promise<void> {
  await initI18n();
  const root = document.getElementById("root");
  if (!root) throw new Error("#root is missing from index.html");
  createRoot(root).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <QueryClientProvider client={queryClient}>
          <App />
        </QueryClientProvider>
      </I18nextProvider>
    </StrictMode>,
  );
}

void start();
