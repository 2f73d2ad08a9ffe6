import { errorMessage } from "./request-json";

/**
 * The ConfirmDialog props that follow the mutation it confirms: its spinner, its error, and
 * closing (`close`) that forgets the error so the dialog opens clean next time.
 */
export function confirmingMutation(
  mutation: { isPending: boolean; error: unknown; reset: () => void },
  close: () => void,
) {
  return {
    onClose: () => {
      close();
      mutation.reset();
    },
    pending: mutation.isPending,
    error: mutation.error ? errorMessage(mutation.error) : null,
  };
}
