const encoder = new TextEncoder();

/**
 * Writes one event per line to a stream the browser reads; once the browser has gone (aborted,
 * or the stream closed under us) events are dropped, and whatever the caller saves still is.
 */
export function ndjsonSender<Event>(controller: ReadableStreamDefaultController<Uint8Array>, signal: AbortSignal) {
  return (event: Event) => {
    if (signal.aborted) return;
    try {
      controller.enqueue(encoder.encode(`${JSON.stringify(event)}\n`));
    } catch {
      // The browser went away.
    }
  };
}
