import "server-only";
import { cache } from "react";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { getDb } from "@/lib/db";
import { getLoginUser, LOGIN_COOKIE, type SignedInUser } from "./login-sessions";

/** The signed-in user for this request (server components), or null. */
export const getCurrentUser = cache(async (): Promise<SignedInUser | null> => {
  const token = (await cookies()).get(LOGIN_COOKIE)?.value;
  return getLoginUser(getDb(), token);
});

/** For pages: anonymous visitors go to sign-in (and come back afterwards). */
export async function requireUser(): Promise<SignedInUser> {
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
