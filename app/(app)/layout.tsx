import { requireUser } from "@/lib/auth/current-user";

/** Every page in this group needs a signed-in user; anonymous visitors go to sign-in and come back. */
export default async function SignedInLayout({ children }: { children: React.ReactNode }) {
  await requireUser();
  return children;
}
