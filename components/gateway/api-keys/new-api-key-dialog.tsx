"use client";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { Dialog, DialogActions } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";

/** The new key, this once: after closing, it exists only where the user put it. */
export function NewApiKeyDialog({ apiKey, onClose }: { apiKey: string | null; onClose: () => void }) {
  return (
    <Dialog open={apiKey !== null} onClose={onClose} title="Your new API key">
      {apiKey && (
        <div className="space-y-4">
          <Alert tone="warning">
            Copy this key now. It won&apos;t be shown again: Switchyard stores only a hash of it.
          </Alert>
          <div className="flex gap-2">
            <Input
              readOnly
              value={apiKey}
              aria-label="New API key"
              className="font-mono text-[13px]"
              onFocus={(event) => event.currentTarget.select()}
            />
            <CopyButton value={apiKey} variant="primary" />
          </div>
          <p className="text-[13px] text-zinc-600 dark:text-zinc-400">
            Store it as an environment variable, e.g. <code className="font-mono text-xs">SWITCHYARD_API_KEY</code>, and
            send it as <code className="font-mono text-xs">Authorization: Bearer …</code>.
          </p>
          <DialogActions>
            <Button onClick={onClose}>Done</Button>
          </DialogActions>
        </div>
      )}
    </Dialog>
  );
}
