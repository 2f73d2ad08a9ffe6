"use client";

import { useState } from "react";
import { Button, type ButtonProps } from "./button";

/** Copies `value` to the clipboard and says so for two seconds. */
export function CopyButton({ value, label = "Copy", ...props }: { value: string; label?: string } & ButtonProps) {
  const [copied, setCopied] = useState(false);
  const [failed, setFailed] = useState(false);
  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
      setFailed(false);
      setTimeout(() => setCopied(false), 2000);
    } catch {
      setFailed(true);
    }
  }
  return (
    <Button onClick={copy} aria-live="polite" {...props}>
      {copied ? "Copied" : failed ? "Copy failed: select and copy" : label}
    </Button>
  );
}
