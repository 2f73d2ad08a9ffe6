import type { ApiKeyStatus } from "@/lib/api-keys/api-key-view";
import { Badge, type BadgeTone } from "@/components/ui/badge";

const TONE: Record<ApiKeyStatus, BadgeTone> = { active: "success", revoked: "neutral", expired: "warning" };

export function ApiKeyStatusBadge({ status }: { status: ApiKeyStatus }) {
  return <Badge tone={TONE[status]}>{status}</Badge>;
}
