"use client";

import { useEffect, useId, useRef } from "react";
import { classNames } from "./class-names";
import { Button } from "./button";

/**
 * A modal on the native <dialog> (focus trap, Escape, inert page for free), named by its
 * title. Its children mount only while it is open, so forms start fresh and nothing shown
 * inside lingers in the page after closing.
 */
export function Dialog({
  open,
  onClose,
  title,
  description,
  children,
  className,
}: {
  open: boolean;
  onClose: () => void;
  title: React.ReactNode;
  description?: React.ReactNode;
  children: React.ReactNode;
  className?: string;
}) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={dialogRef}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      // React passes a nested dialog's close/cancel up to this one: only our own count, or
      // closing a confirm dialog opened from this one would close this one too.
      onClose={(event) => {
        if (event.target === event.currentTarget) onClose();
      }}
      onCancel={(event) => {
        if (event.target !== event.currentTarget) return;
        event.preventDefault();
        onClose();
      }}
      className={classNames(
        "m-auto w-[calc(100%-2rem)] max-w-lg rounded-xl border border-zinc-200 bg-white p-0 text-zinc-900 shadow-2xl",
        "backdrop:bg-zinc-950/50 backdrop:backdrop-blur-[2px] dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-100",
        className,
      )}
    >
      {open && (
        <div className="max-h-[calc(100dvh-4rem)] overflow-y-auto p-5">
          <div className="mb-4 flex items-start justify-between gap-4">
            <div className="space-y-1">
              <h2 id={titleId} className="text-base font-semibold tracking-tight">
                {title}
              </h2>
              {description && (
                <p id={descriptionId} className="text-[13px] text-zinc-600 dark:text-zinc-400">
                  {description}
                </p>
              )}
            </div>
            <button
              type="button"
              onClick={onClose}
              aria-label="Close"
              className="-mt-1 -mr-1 rounded-md p-1.5 text-zinc-600 dark:text-zinc-400 hover:bg-zinc-100 hover:text-zinc-900 focus-visible:outline-2 focus-visible:outline-amber-500 dark:hover:bg-zinc-800 dark:hover:text-zinc-100"
            >
              <svg
                aria-hidden
                viewBox="0 0 16 16"
                className="size-4"
                fill="none"
                stroke="currentColor"
                strokeWidth="1.5"
              >
                <path d="M4 4l8 8M12 4l-8 8" strokeLinecap="round" />
              </svg>
            </button>
          </div>
          {children}
        </div>
      )}
    </dialog>
  );
}

/** The row of buttons at the foot of a dialog. */
export function DialogActions({ children }: { children: React.ReactNode }) {
  return <div className="mt-5 flex flex-wrap justify-end gap-2">{children}</div>;
}

/**
 * The foot of a dialog that asks for one action: Cancel, and the action's button, which
 * submits the dialog's form unless `onConfirm` is given.
 */
export function DialogCancelOrConfirm({
  onCancel,
  confirmLabel,
  onConfirm,
  pending,
  variant = "primary",
}: {
  onCancel: () => void;
  confirmLabel: string;
  onConfirm?: () => void;
  pending?: boolean;
  variant?: "primary" | "danger";
}) {
  return (
    <DialogActions>
      <Button onClick={onCancel}>Cancel</Button>
      <Button type={onConfirm ? "button" : "submit"} variant={variant} onClick={onConfirm} pending={pending}>
        {confirmLabel}
      </Button>
    </DialogActions>
  );
}
