"use client";

import { Alert } from "./alert";
import { Dialog, DialogCancelOrConfirm } from "./dialog";

/** "Are you sure?" for destructive actions; shows the action's error if it fails. */
export function ConfirmDialog({
  open,
  onClose,
  title,
  description,
  confirmLabel,
  onConfirm,
  pending,
  error,
}: {
  open: boolean;
  onClose: () => void;
  title: string;
  description: React.ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  pending?: boolean;
  error?: string | null;
}) {
  return (
    <Dialog open={open} onClose={onClose} title={title} description={description} className="max-w-md">
      {error && <Alert tone="error">{error}</Alert>}
      <DialogCancelOrConfirm
        onCancel={onClose}
        confirmLabel={confirmLabel}
        onConfirm={onConfirm}
        pending={pending}
        variant="danger"
      />
    </Dialog>
  );
}
