"use client";

import { Dialog } from "@/components/ui/dialog";
import { ViewCodePanel, type ViewCodePanelProps } from "./view-code-panel";

/**
 * "View code" for one request: a modal around {@link ViewCodePanel}. The playground and the
 * shared-session page open it for the current request or any turn.
 */
export function ViewCodeDialog({
  open,
  onClose,
  title = "View code",
  ...panel
}: ViewCodePanelProps & { open: boolean; onClose: () => void; title?: string }) {
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={title}
      description="The same request, ready to run against this gateway from your own code."
      className="max-w-4xl!"
    >
      <ViewCodePanel {...panel} />
    </Dialog>
  );
}
