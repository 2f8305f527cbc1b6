/** What outer-read.ts and checkpoint-read.ts share: the files they read, and their command line. */
import type { ArchiveSession, ImageRecord } from '../../src/core';

export const FILES = 200;

/** Every `step`-th regular file of every layer, up to FILES: spread over the whole archive. */
export function pickFiles(session: ArchiveSession, image: ImageRecord) {
  const all = image.layers.flatMap((layer, i) =>
    (session.status(layer).index?.entries.toArray() ?? [])
      .filter((e) => e.kind === 'file' && e.size > 0)
      .map((entry) => ({ layer: i, entry })),
  );
  const step = Math.max(1, Math.floor(all.length / FILES));
  return all.filter((_, i) => i % step === 0).slice(0, FILES);
}

export type PickedFiles = ReturnType<typeof pickFiles>;

/** `npx tsx SCRIPT PLAIN.tar PACKED.tar.gz`: runs `main` and prints its result as one JSON line. */
export function runOnPair(script: string, main: (plain: string, packed: string) => Promise<unknown>): void {
  const [plainArg, packedArg] = process.argv.slice(2);
  if (plainArg === undefined || packedArg === undefined) {
    console.error(`usage: npx tsx ${script} PLAIN.tar PACKED.tar.gz`);
    process.exitCode = 2;
    return;
  }
  main(plainArg, packedArg).then(
    (result) => console.log(JSON.stringify(result)),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : String(error));
      process.exitCode = 1;
    },
  );
}
