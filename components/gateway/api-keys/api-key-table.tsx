import type { ApiKeyView } from "@/lib/api-keys/api-key-view";
import { ActionsHeader, Table, TableBody, TableHead, TableHeader } from "@/components/ui/table";
import { ApiKeyRow } from "./api-key-row";

export function ApiKeyTable({
  apiKeys,
  showOwner,
  canSetLimits = false,
}: {
  apiKeys: ApiKeyView[];
  showOwner: boolean;
  canSetLimits?: boolean;
}) {
  return (
    <Table aria-label="API keys">
      <TableHead>
        <tr>
          <TableHeader>Name</TableHeader>
          <TableHeader>Key</TableHeader>
          {showOwner && <TableHeader>Owner</TableHeader>}
          <TableHeader>Created</TableHeader>
          <TableHeader>Last used</TableHeader>
          <TableHeader>Expires</TableHeader>
          <TableHeader>Status</TableHeader>
          <TableHeader>Limits</TableHeader>
          <ActionsHeader />
        </tr>
      </TableHead>
      <TableBody>
        {apiKeys.map((apiKey) => (
          <ApiKeyRow key={apiKey.id} apiKey={apiKey} showOwner={showOwner} canSetLimits={canSetLimits} />
        ))}
      </TableBody>
    </Table>
  );
}
