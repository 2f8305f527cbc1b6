// The worker thread's entry: TypeScript through tsx, as bin/strata.mjs runs the CLI.
import { register } from 'tsx/esm/api';

register();
await import('./cli-worker.ts');
