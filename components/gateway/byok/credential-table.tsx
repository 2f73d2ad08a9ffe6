import type { CredentialView } from "@/lib/credentials/credential-view";
import { Table, TableBody, TableColumns } from "@/components/ui/table";
import { CredentialRow } from "./credential-row";

/** One provider's credentials. */
export function CredentialTable({
  label,
  credentials,
  onEdit,
}: {
  label: string;
  credentials: CredentialView[];
  onEdit: (credential: CredentialView) => void;
}) {
  return (
    <Table aria-label={`${label} credentials`} className="min-w-[58rem] table-fixed">
      {/* Fixed widths keep the columns of every provider's table aligned. */}
      <colgroup>
        <col />
        <col className="w-28" />
        <col className="w-64" />
        <col className="w-20" />
        <col className="w-[22rem]" />
      </colgroup>
      <TableColumns columns={["Name", "Key", "Base URL", "Enabled"]} actions />
      <TableBody>
        {credentials.map((credential) => (
          <CredentialRow key={credential.id} credential={credential} onEdit={() => onEdit(credential)} />
        ))}
      </TableBody>
    </Table>
  );
}
