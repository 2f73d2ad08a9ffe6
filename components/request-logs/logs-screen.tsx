"use client";

import { useState } from "react";
import { useInfiniteQuery, useQueryClient } from "@tanstack/react-query";
import { QueryStatus } from "@/components/api-client/query-status";
import { Button, buttonClassName } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { LogDetailDrawer } from "./log-detail-drawer";
import { LogFiltersBar } from "./log-filters";
import { LogTable } from "./log-table";
import {
  emptyFilters,
  filterParams,
  loggedModelsQueryOptions,
  requestLogsQueryOptions,
  type LogFilters,
} from "./request-log-queries";
import { RetentionSetting } from "./retention-setting";

/** AI Gateway › Logs: every gateway request, filtered, 50 at a time, newest first. */
export function LogsScreen({ isAdmin }: { isAdmin: boolean }) {
  const [filters, setFilters] = useState<LogFilters>(emptyFilters);
  const [openId, setOpenId] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const logs = useInfiniteQuery(requestLogsQueryOptions(filters));
  const rows = logs.data?.pages.flatMap((page) => page.rows) ?? [];
  const exportHref = `/api/request-logs/export?${filterParams(filters)}`;

  return (
    <div className="space-y-5">
      <PageHeader
        title="Logs"
        description={
          isAdmin ? "Every request through the gateway, from every key." : "Every request made with your API keys."
        }
        actions={
          <>
            <Button
              size="sm"
              onClick={() => {
                void queryClient.invalidateQueries({ queryKey: ["request-logs"] });
                void queryClient.invalidateQueries({ queryKey: loggedModelsQueryOptions().queryKey });
              }}
            >
              Refresh
            </Button>
            <a href={exportHref} download className={buttonClassName("secondary", "sm")}>
              Export CSV
            </a>
          </>
        }
      />
      <LogFiltersBar filters={filters} onChange={setFilters} />
      <QueryStatus query={logs} loading="Loading requests…" />
      {logs.isSuccess && rows.length === 0 && <EmptyState>No requests match these filters.</EmptyState>}
      {rows.length > 0 && <LogTable rows={rows} onOpen={setOpenId} />}
      {logs.hasNextPage && (
        <div className="flex justify-center">
          <Button size="sm" pending={logs.isFetchingNextPage} onClick={() => void logs.fetchNextPage()}>
            Load older requests
          </Button>
        </div>
      )}
      {isAdmin && (
        <div className="border-t border-zinc-200 pt-4 dark:border-zinc-800">
          <RetentionSetting />
        </div>
      )}
      <LogDetailDrawer id={openId} onClose={() => setOpenId(null)} />
    </div>
  );
}
