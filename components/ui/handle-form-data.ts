/**
 * A form's submit handler that keeps the page and hands the form's fields to `handle`:
 * `<form onSubmit={handleFormData(save)}>`.
 */
export function handleFormData(handle: (form: FormData) => void) {
  return (event: React.SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    handle(new FormData(event.currentTarget));
  };
}
