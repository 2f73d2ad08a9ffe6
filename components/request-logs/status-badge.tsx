import { Badge } from "@/components/ui/badge";

export function StatusBadge({ status, errorType }: { status: number; errorType: string | null }) {
  const tone =
    status >= 500 || status === 499 ? "danger" : status >= 400 ? "warning" : errorType ? "warning" : "success";
  return (
    <Badge tone={tone} title={errorType ?? undefined}>
      {status}
      {errorType && status < 400 ? " · stream error" : ""}
    </Badge>
  );
}
