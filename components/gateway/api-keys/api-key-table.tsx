import type { ApiKeyView } from "@/lib/api-keys/api-key-view";
import { Table, TableBody, TableColumns } from "@/components/ui/table";
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
      <TableColumns
        columns={["Name", "Key", showOwner && "Owner", "Created", "Last used", "Expires", "Status", "Limits"]}
        actions
      />
      <TableBody>
        {apiKeys.map((apiKey) => (
          <ApiKeyRow key={apiKey.id} apiKey={apiKey} showOwner={showOwner} canSetLimits={canSetLimits} />
        ))}
      </TableBody>
    </Table>
  );
}
