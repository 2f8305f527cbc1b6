/**
 * A throwaway registry from Debian's docker-registry package for integration tests: its storage in a
 * temporary directory, listening on a free 127.0.0.1 port, images pushed with skopeo, stopped after.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hasTool } from '../../cli/testing/run-cli';
import { freePort } from './free-port';

export interface RegistryServer {
  /** HOST:PORT */
  readonly host: string;
  /** Pushes a docker-archive as HOST:PORT/REPO:TAG. */
  push(archive: string, repoTag: string): void;
  stop(): void;
}

export function hasRegistry(): boolean {
  try {
    execFileSync('docker-registry', ['--version'], { stdio: 'ignore' });
  } catch {
    return false;
  }
  return hasTool('skopeo');
}

async function waitUntilUp(url: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error(`docker-registry exited with ${child.exitCode}.`);
    const ok = await fetch(url).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`docker-registry did not answer at ${url}.`);
}

export async function startRegistry(): Promise<RegistryServer> {
  const dir = mkdtempSync(join(tmpdir(), 'strata-registry-'));
  const port = await freePort(55000);
  const host = `127.0.0.1:${port}`;
  const config = join(dir, 'config.yml');
  writeFileSync(
    config,
    `version: 0.1\nlog:\n  level: error\nstorage:\n  filesystem:\n    rootdirectory: ${join(dir, 'data')}\nhttp:\n  addr: ${host}\n`,
  );
  const child = spawn('docker-registry', ['serve', config], { stdio: 'ignore' });
  try {
    await waitUntilUp(`http://${host}/v2/`, child);
  } catch (error) {
    child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    host,
    push(archive, repoTag) {
      execFileSync(
        'skopeo',
        [
          'copy',
          '--quiet',
          '--dest-tls-verify=false',
          `docker-archive:${archive}`,
          `docker://${host}/${repoTag}`,
        ],
        { stdio: 'pipe' },
      );
    },
    stop() {
      child.kill('SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
