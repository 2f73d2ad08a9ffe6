import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import { requestJson } from "@/components/api-client/request-json";
import type { RequestLogView } from "@/lib/request-log/list-request-logs";

export type LogFilters = { range: string; key: string; model: string; status: string; endpoint: string };

export const emptyFilters: LogFilters = { range: "24h", key: "", model: "", status: "", endpoint: "" };

const RANGES_MS: Record<string, number> = {
  "1h": 3_600_000,
  "24h": 86_400_000,
  "7d": 7 * 86_400_000,
  "30d": 30 * 86_400_000,
};

/** The filters as the API's query string; the time range is resolved to `from` now. */
export function filterParams(filters: LogFilters, now = Date.now()): URLSearchParams {
  const params = new URLSearchParams();
  const rangeMs = RANGES_MS[filters.range];
  if (rangeMs) params.set("from", new Date(now - rangeMs).toISOString());
  if (filters.key) params.set("key", filters.key);
  if (filters.model) params.set("model", filters.model);
  if (filters.status) params.set("status", filters.status);
  if (filters.endpoint) params.set("endpoint", filters.endpoint);
  return params;
}

type Page = { rows: RequestLogView[]; nextCursor: string | null };

export const requestLogsQueryOptions = (filters: LogFilters) => {
  const base = filterParams(filters);
  return infiniteQueryOptions({
    queryKey: ["request-logs", filters],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => {
      const params = new URLSearchParams(base);
      if (pageParam) params.set("cursor", pageParam);
      return requestJson<Page>(`/api/request-logs?${params}`);
    },
    getNextPageParam: (page) => page.nextCursor,
  });
};

export type RequestLogDetail = RequestLogView & { requestBody: string | null; responseBody: string | null };

export const requestLogDetailQueryOptions = (id: string) =>
  queryOptions({
    queryKey: ["request-log", id],
    queryFn: async () =>
      (await requestJson<{ request: RequestLogDetail }>(`/api/request-logs/${encodeURIComponent(id)}`)).request,
  });

export const loggedModelsQueryOptions = () =>
  queryOptions({
    queryKey: ["request-log-models"],
    queryFn: async () => (await requestJson<{ models: string[] }>("/api/request-logs/models")).models,
  });

export const retentionQueryOptions = () =>
  queryOptions({
    queryKey: ["request-log-retention"],
    queryFn: async () => (await requestJson<{ retentionDays: number }>("/api/request-logs/retention")).retentionDays,
  });
