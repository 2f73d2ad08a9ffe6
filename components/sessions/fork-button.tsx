"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { errorMessage } from "@/components/api-client/request-json";
import { useForkSharedConversation } from "@/components/conversations/conversation-queries";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClassName } from "@/components/ui/button";

/** Signed in: copy the shared session into your own and continue it in the playground. Signed out: sign in first, then come back here. */
export function ForkButton({ token, signedIn }: { token: string; signedIn: boolean }) {
  const router = useRouter();
  const fork = useForkSharedConversation();
  if (!signedIn) {
    return (
      <Link href={`/sign-in?next=${encodeURIComponent(`/s/${token}`)}`} className={buttonClassName("primary", "sm")}>
        Sign in to fork
      </Link>
    );
  }
  return (
    <>
      <Button
        variant="primary"
        size="sm"
        // Still pending while the playground opens the copy.
        pending={fork.isPending || fork.isSuccess}
        onClick={() =>
          fork.mutate(token, { onSuccess: ({ id }) => router.push(`/playground?session=${encodeURIComponent(id)}`) })
        }
      >
        Fork and continue
      </Button>
      {fork.error && <Alert tone="error">{errorMessage(fork.error)}</Alert>}
    </>
  );
}
