"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { errorMessage, requestJson } from "@/components/api-client/request-json";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClassName } from "@/components/ui/button";

/** Signed in: copy the shared session into your own and continue it in the playground. Signed out: sign in first, then come back here. */
export function ForkButton({ token, signedIn }: { token: string; signedIn: boolean }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
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
        pending={pending}
        onClick={async () => {
          setPending(true);
          setProblem(null);
          try {
            const { id } = await requestJson<{ id: string }>(`/api/shares/${encodeURIComponent(token)}/fork`, {
              method: "POST",
            });
            router.push(`/playground?session=${encodeURIComponent(id)}`);
          } catch (error) {
            setProblem(errorMessage(error));
            setPending(false);
          }
        }}
      >
        Fork and continue
      </Button>
      {problem && <Alert tone="error">{problem}</Alert>}
    </>
  );
}
