"use client";

import { useState } from "react";
import { requestJson } from "@/components/api-client/request-json";
import { Button, type ButtonProps } from "@/components/ui/button";

export function SignOutButton(props: ButtonProps) {
  const [pending, setPending] = useState(false);
  async function signOut() {
    setPending(true);
    try {
      await requestJson("/api/auth/sign-out", { method: "POST" });
    } finally {
      window.location.assign("/sign-in");
    }
  }
  return (
    <Button onClick={signOut} pending={pending} {...props}>
      Sign out
    </Button>
  );
}
