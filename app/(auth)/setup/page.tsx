import { redirect } from "next/navigation";
import { connection } from "next/server";
import { hasAnyUser } from "@/lib/auth/current-user";
import { AuthCard } from "@/components/auth/auth-card";
import { SetupForm } from "@/components/auth/setup-form";

export const metadata = { title: "Create the admin account" };

/** First run only: once any user exists this page is gone for good. */
export default async function SetupPage() {
  await connection();
  if (await hasAnyUser()) redirect("/sign-in");
  return (
    <AuthCard
      title="Create the admin account"
      description="Welcome to Switchyard. This one-time step creates the first account; it can manage provider keys, gateway keys and users."
    >
      <SetupForm />
    </AuthCard>
  );
}
