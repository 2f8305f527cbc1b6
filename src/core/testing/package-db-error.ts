import { expect } from 'vitest';

/** Matches a package reader's error by its English sentence, whatever sentence name it carries. */
export function packageDbError(message: string): unknown {
  return expect.objectContaining({ name: 'PackageDbError', message, said: expect.anything() as unknown });
}
