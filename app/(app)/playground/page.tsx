import { requireUser } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { listModelsForUser } from "@/lib/conversations/models/list-models-for-user";
import { getSessionDocument, latestSessionId } from "@/lib/conversations/store/conversation-store";
import { PlaygroundScreen } from "@/components/playground/playground-screen";

export const metadata = { title: "Playground" };
export const dynamic = "force-dynamic";

/** `?session=<id>` opens that conversation, `?new=1` a fresh one; otherwise the most recent one. */
export default async function PlaygroundPage({ searchParams }: PageProps<"/playground">) {
  const user = await requireUser();
  const db = getDb();
  const params = await searchParams;
  const requested = typeof params.session === "string" ? params.session : null;
  const sessionId = requested ?? (params.new ? null : await latestSessionId(db, user.id));
  let document = null;
  if (sessionId) {
    try {
      document = await getSessionDocument(db, user.id, sessionId);
    } catch (error) {
      if (!(error instanceof AppError && error.code === "not_found")) throw error;
    }
  }
  const { models } = await listModelsForUser(db);
  return <PlaygroundScreen key={document?.id ?? "new"} models={models} document={document} />;
}
