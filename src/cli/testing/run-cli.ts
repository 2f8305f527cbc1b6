/** Test helpers: run a CLI command through main() with text buffers, and probe for host tools. */
import { execFileSync } from 'node:child_process';
import type { CliIo } from '../cli-io';
import { main } from '../main';

export interface CliRun {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

export async function runCli(args: string[]): Promise<CliRun> {
  let out = '';
  let err = '';
  const io: CliIo = { stdout: (t) => (out += t), stderr: (t) => (err += t) };
  const code = await main(args, io);
  return { code, out, err };
}

/** Whether a host tool answers `--version` (oracle comparisons skip without it). */
export function hasTool(name: string): boolean {
  try {
    execFileSync(name, ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
