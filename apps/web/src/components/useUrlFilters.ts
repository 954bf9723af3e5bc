import { useSearchParams } from "react-router-dom";

interface UrlFilterOptions {
  /** Replace the history entry rather than add one (a figures page's filters), so Back leaves the page. */
  replace?: boolean;
  /** Parameters a filter change clears, such as the page number of a list that now holds other rows. */
  resets?: readonly string[];
}

/**
 * The address's parameters after filter changes: an empty value (or null) removes its parameter, another sets it;
 * `resets` are removed unless the changes set them; every other parameter stays.
 */
export function withFilters(
  params: URLSearchParams,
  changes: Readonly<Record<string, string | null>>,
  resets: readonly string[] = [],
): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const key of resets) if (!(key in changes)) next.delete(key);
  for (const [key, value] of Object.entries(changes)) {
    if (value === null || value === "") next.delete(key);
    else next.set(key, value);
  }
  return next;
}

/**
 * A page's filters kept in the address (`?fy=2026&province=10`), so a filtered view can be bookmarked, shared and
 * reloaded: `params` to read them; `setFilters({ key: value })` to change some at once (see `withFilters`);
 * `setFilter(key, value)` for one.
 */
export function useUrlFilters({ replace = false, resets = [] }: UrlFilterOptions = {}) {
  const [params, setParams] = useSearchParams();
  const setFilters = (changes: Readonly<Record<string, string | null>>) =>
    setParams(withFilters(params, changes, resets), { replace });
  const setFilter = (key: string, value: string) => setFilters({ [key]: value });
  return { params, setFilter, setFilters };
}
