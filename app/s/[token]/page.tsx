import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getCurrentUser } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { pluralize } from "@/lib/format/pluralize";
import { getSharedSession } from "@/lib/conversations/share/shared-conversation";
import { SharedSessionScreen } from "@/components/sessions/shared-session-screen";

export const dynamic = "force-dynamic";

/** Loaded once per request for both the metadata and the page; a dead link is a 404. */
const loadShared = cache(async (token: string) => {
  try {
    return await getSharedSession(getDb(), token);
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: PageProps<"/s/[token]">): Promise<Metadata> {
  const session = await loadShared((await params).token);
  const title = session.title || "Shared conversation";
  const description = `A Claude conversation on ${session.model}, shared from Switchyard (${pluralize(session.messages.length, "message")}).`;
  return {
    title,
    description,
    openGraph: { title, description, type: "article", siteName: "Switchyard" },
    twitter: { card: "summary", title, description },
    // Unlisted: whoever has the link may read it, search engines should not list it.
    robots: { index: false, follow: false },
  };
}

/** A public, read-only shared session: no sign-in needed. */
export default async function SharedSessionPage({ params }: PageProps<"/s/[token]">) {
  const { token } = await params;
  const session = await loadShared(token);
  const user = await getCurrentUser();
  return <SharedSessionScreen token={token} session={session} signedIn={user !== null} />;
}
