/**
 * How the page's worker died, told apart from what the page can see of it: an `error` event (an uncaught
 * exception; an ArrayBuffer or WebAssembly allocation that failed is the out-of-memory case a page survives),
 * a reply that could not be read (`messageerror`), a rejection nobody caught (reported by the worker itself),
 * or silence while requests wait: Chromium sends no event when a worker is killed.
 */
export type FailureReason = 'crashed' | 'out-of-memory' | 'unresponsive' | 'unreadable-reply';

export interface WorkerFailure {
  readonly reason: FailureReason;
  /** What the browser said, for the console; the page shows a sentence chosen by `reason` instead. */
  readonly detail: string;
}

/** Messages the browser gives when memory could not be had (V8 and WebAssembly wording). */
const OUT_OF_MEMORY = /allocation failed|out of memory|could not allocate memory|WebAssembly\.Memory/i;

export function failureFromError(message: string): WorkerFailure {
  return { reason: OUT_OF_MEMORY.test(message) ? 'out-of-memory' : 'crashed', detail: message };
}

const WHY: Record<FailureReason, string> = {
  crashed: 'failed with an unexpected error',
  'out-of-memory': 'ran out of memory',
  unresponsive: 'stopped answering',
  'unreadable-reply': 'sent a reply the page could not read',
};

/**
 * The English sentence a rejected request carries (the page shows its own translation, chosen by
 * `reason`): which archive, why, and what to do.
 */
export function failureSentence(failure: WorkerFailure, archiveName: string | null): string {
  return archiveName === null
    ? `The page's worker ${WHY[failure.reason]} and was restarted; try again.`
    : `Reading ${archiveName} ${WHY[failure.reason]}, so it was closed; reopen it to try again.`;
}
