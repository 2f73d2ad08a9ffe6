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
      // eslint-disable-next-line @next/next/no-location-assign-relative-destination -- a full page load drops the signed-out user's client caches
      window.location.assign("/sign-in");
    }
  }
  return (
    <Button onClick={signOut} pending={pending} {...props}>
      Sign out
    </Button>
  );
}
