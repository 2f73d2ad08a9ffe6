import { withUser } from "@/lib/ui-api/with-user";
import { listModelsForUser } from "@/lib/conversations/models/list-models-for-user";

export const dynamic = "force-dynamic";

export const GET = withUser(async ({ db }) => Response.json(await listModelsForUser(db)));
