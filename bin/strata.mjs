#!/usr/bin/env node
// Runs the TypeScript CLI directly (tsx), so `npx strata` works right after `npm ci` with no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
const code = await main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  stdoutBytes: (b) => process.stdout.write(b),
});
process.exitCode = code;
