import { withGatewayKey } from "@/lib/gateway/http/with-gateway-key";
import { handleChatCompletions } from "@/lib/gateway/handlers/chat-completions";

export const dynamic = "force-dynamic";
export const POST = withGatewayKey("openai", handleChatCompletions);
