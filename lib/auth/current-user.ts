import "server-only";
import { cache } from "react";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { getDb } from "@/lib/db";
import { getSessionUser, SESSION_COOKIE, type SessionUser } from "./sessions";

/** The signed-in user for this request (server components), or null. */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  return getSessionUser(getDb(), token);
});

/** For pages: anonymous visitors go to sign-in (and come back afterwards). */
export async function requireUser(): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) {
    const path = (await headers()).get("x-switchyard-path") ?? "/";
    redirect(`/sign-in?next=${encodeURIComponent(path)}`);
  }
  return user;
}

export async function hasAnyUser(): Promise<boolean> {
  return (await getDb().user.count()) > 0;
}
