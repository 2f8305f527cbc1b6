/**
 * One fuzzing worker thread: runs CLI commands in-process through the CLI's own main() and posts
 * back the exit code and what it wrote, exactly as the strata process would have printed it.
 */
import { createHash } from 'node:crypto';
import { parentPort } from 'node:worker_threads';
import { main } from '../src/cli/main';

export interface RunRequest {
  readonly id: number;
  readonly argv: readonly string[];
}

export interface RunResult {
  readonly id: number;
  readonly code: number;
  /** sha256 of everything written to stdout (text and bytes), to compare with the real process. */
  readonly stdoutHash: string;
  readonly stdoutBytes: number;
  readonly stderr: string;
}

const port = parentPort!;
const encoder = new TextEncoder();

port.on('message', (request: RunRequest) => {
  void run(request).then((result) => {
    port.postMessage(result);
  });
});

async function run({ id, argv }: RunRequest): Promise<RunResult> {
  const hash = createHash('sha256');
  let stdoutBytes = 0;
  let stderr = '';
  const code = await main(argv, {
    stdout: (text) => {
      const bytes = encoder.encode(text);
      stdoutBytes += bytes.length;
      hash.update(bytes);
    },
    stdoutBytes: (bytes) => {
      stdoutBytes += bytes.length;
      hash.update(bytes);
    },
    stderr: (text) => {
      if (stderr.length < 100_000) stderr += text;
    },
  });
  return { id, code, stdoutHash: hash.digest('hex'), stdoutBytes, stderr };
}
