#!/usr/bin/env node
// Runs the TypeScript CLI directly (tsx), so `npx strata` works right after `npm ci` with no build step.
import { register } from 'tsx/esm/api';

register();
// sql.js leaves one promise of a runtime that failed to start (no memory for its wasm heap) without a
// handler; the failure itself was already reported as a sentence. Anything else unhandled is a bug,
// reported as one line with exit 1, never a stack trace.
process.on('unhandledRejection', (reason) => {
  const message = reason instanceof Error ? reason.message : String(reason);
  if (reason instanceof WebAssembly.RuntimeError && message.startsWith('Aborted(')) return;
  process.stderr.write(`strata: an internal error stopped this command (${message}).\n`);
  process.exit(1);
});
const { main } = await import('../src/cli/main.ts');
const code = await main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  stdoutBytes: (b) => process.stdout.write(b),
  drain: () =>
    process.stdout.writableNeedDrain
      ? new Promise((resolve) => process.stdout.once('drain', resolve))
      : Promise.resolve(),
});
process.exitCode = code;
