/** What a CLI command may touch besides its arguments: two text sinks. Tests pass buffers. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  stdoutBytes?(bytes: Uint8Array): void;
  /**
   * Resolves once stdout has room again. Writes to a pipe are queued, not blocking, so a long output
   * awaits this every few thousand rows: a slow reader then holds the command back, not its memory.
   */
  drain?(): Promise<void>;
}

/** A command returns its exit code: 0 success, 1 unreadable input (one sentence on stderr), 2 bad usage. */
export type Command = (args: readonly string[], io: CliIo) => Promise<number>;

/** Thrown for bad usage; main() prints the message and exits 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Thrown for input the command cannot read; main() prints the sentence and exits 1. */
export class InputError extends Error {
  override name = 'InputError';
}
