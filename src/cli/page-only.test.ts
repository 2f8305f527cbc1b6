/** The CLI's JSON keeps its fields as they were: the sentence names the page reads are not printed. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './testing/run-cli';
import { withoutPageFields } from './page-only';

const FIXTURES = join(import.meta.dirname, '../../fixtures');

describe('withoutPageFields', () => {
  it('drops the sentence names and keeps everything else', () => {
    const value = {
      error: 'x',
      errorSentence: { name: 'layer-empty', params: {} },
      note: null,
      noteSentence: null,
    };
    expect(JSON.stringify(value, withoutPageFields)).toBe('{"error":"x","note":null}');
  });

  it('leaves them out of history --json', async () => {
    const { code, out } = await runCli([
      'history',
      '--json',
      join(FIXTURES, 'archives/podman-docker-archive.tar'),
    ]);
    expect(code).toBe(0);
    expect(out).toContain('"error": null');
    expect(out).not.toContain('Sentence');
  });
});
