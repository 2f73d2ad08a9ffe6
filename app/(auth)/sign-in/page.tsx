import { redirect } from "next/navigation";
import { connection } from "next/server";
import { getCurrentUser, hasAnyUser } from "@/lib/auth/current-user";
import { AuthCard } from "@/components/auth/auth-card";
import { SignInForm } from "@/components/auth/sign-in-form";
import { safeNextPath } from "@/components/auth/safe-next-path";

export const metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: PageProps<"/sign-in">) {
  await connection();
  if (!(await hasAnyUser())) redirect("/setup");
  const nextPath = safeNextPath((await searchParams).next);
  if (await getCurrentUser()) redirect(nextPath);
  return (
    <AuthCard title="Sign in to Switchyard" description="Use the email and password your admin gave you.">
      <SignInForm nextPath={nextPath} />
    </AuthCard>
  );
}
