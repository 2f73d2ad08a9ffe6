"use client";

import { useId } from "react";
import { useQuery } from "@tanstack/react-query";
import { apiKeysQueryOptions } from "@/components/gateway/api-keys/api-key-queries";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/input";
import { loggedModelsQueryOptions, type LogFilters } from "./request-log-queries";

const ENDPOINTS = [
  "/v3/router/chat/completions",
  "/v3/router/responses",
  "/v3/router/v1/messages",
  "/v3/router/v1/messages/count_tokens",
  "/v3/router/models",
  "/v2/proxy/chat/completions",
];

const STATUSES = [
  { value: "", label: "Any status" },
  { value: "success", label: "Successful (< 400)" },
  { value: "error", label: "Errors (≥ 400)" },
  ...[200, 400, 401, 404, 429, 499, 500, 502, 503].map((code) => ({ value: String(code), label: String(code) })),
];

function FilterSelect({
  label,
  value,
  onChange,
  children,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  children: React.ReactNode;
}) {
  const id = useId();
  return (
    <div className="min-w-36 flex-1 space-y-1">
      <Label htmlFor={id} className="text-xs">
        {label}
      </Label>
      <Select id={id} value={value} onChange={(event) => onChange(event.target.value)} className="h-8 text-[13px]">
        {children}
      </Select>
    </div>
  );
}

/** Time range, key, model, status and endpoint: each change reloads the table from its first page. */
export function LogFiltersBar({ filters, onChange }: { filters: LogFilters; onChange: (filters: LogFilters) => void }) {
  const keys = useQuery(apiKeysQueryOptions());
  const models = useQuery(loggedModelsQueryOptions());
  const set = (name: keyof LogFilters) => (value: string) => onChange({ ...filters, [name]: value });
  return (
    <div role="search" aria-label="Filter requests" className="flex flex-wrap gap-3">
      <FilterSelect label="Time range" value={filters.range} onChange={set("range")}>
        <option value="1h">Last hour</option>
        <option value="24h">Last 24 hours</option>
        <option value="7d">Last 7 days</option>
        <option value="30d">Last 30 days</option>
        <option value="all">All time</option>
      </FilterSelect>
      <FilterSelect label="API key" value={filters.key} onChange={set("key")}>
        <option value="">All keys</option>
        {(keys.data ?? []).map((key) => (
          <option key={key.id} value={key.id}>
            {key.name} ({key.prefix})
          </option>
        ))}
      </FilterSelect>
      <FilterSelect label="Model" value={filters.model} onChange={set("model")}>
        <option value="">All models</option>
        {(models.data ?? []).map((model) => (
          <option key={model} value={model}>
            {model}
          </option>
        ))}
      </FilterSelect>
      <FilterSelect label="Status" value={filters.status} onChange={set("status")}>
        {STATUSES.map((status) => (
          <option key={status.value} value={status.value}>
            {status.label}
          </option>
        ))}
      </FilterSelect>
      <FilterSelect label="Endpoint" value={filters.endpoint} onChange={set("endpoint")}>
        <option value="">All endpoints</option>
        {ENDPOINTS.map((endpoint) => (
          <option key={endpoint} value={endpoint}>
            {endpoint}
          </option>
        ))}
      </FilterSelect>
    </div>
  );
}
