import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../testing/run-cli';

const ARCHIVES = join(import.meta.dirname, '../../../fixtures/archives');
const T3 = join(ARCHIVES, 'podman-docker-archive.tar');
const CORPUS_DIR = join(import.meta.dirname, '../../../../shared/corpus/archives');
const CORPUS = join(CORPUS_DIR, 'test-docker-image.tar');
const work = mkdtempSync(join(tmpdir(), 'strata-ci-'));
const home = process.cwd();

afterEach(() => process.chdir(home));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const run = runCli;

function rulesFile(name: string, text: string): string {
  const file = join(work, name);
  writeFileSync(file, text);
  return file;
}

const results = (out: string): string[] => out.split('Results:\n')[1]!.trimEnd().split('\n');

describe.skipIf(!existsSync(CORPUS))(
  "strata ci gives dive's verdicts on test-docker-image.tar (corpus)",
  () => {
    it("PASSes dive's own .dive-ci: 0.984 ≥ 0.95, 32025 B ≤ 20 MB, 0.483 ≤ 0.5", async () => {
      const { code, out, err } = await run(['ci', '--config', join(CORPUS_DIR, '.dive-ci'), CORPUS]);
      expect(code).toBe(0);
      expect(results(out)).toEqual([
        'PASS: lowestEfficiency: efficiency 0.9844212134184309 ≥ 0.95',
        'PASS: highestWastedBytes: wasted (dive) 32025 B ≤ 20000000 B',
        'PASS: highestUserWastedPercent: wasted/user 0.4834911001404049 ≤ 0.5',
        'Result: PASS [Total:3] [Passed:3] [Failed:0] [Skipped:0]',
      ]);
      // dive ignores keys it does not know (plugin1/rule1); strata says so.
      expect(err).toContain('"plugin1/rule1" is not known here and was ignored');
    });

    it("FAILs dive's defaults (wasted/user 0.483 > 0.1) with exit 1, reading no .dive-ci from an empty dir", async () => {
      process.chdir(work);
      const { code, out } = await run(['ci', CORPUS]);
      expect(code).toBe(1);
      expect(out).toContain("Rules: dive's defaults");
      expect(results(out)).toEqual([
        'PASS: lowestEfficiency: efficiency 0.9844212134184309 ≥ 0.9',
        'SKIP: highestWastedBytes: rule disabled',
        'FAIL: highestUserWastedPercent: wasted/user 0.4834911001404049 > 0.1',
        'Result: FAIL [Total:3] [Passed:1] [Failed:1] [Skipped:1]',
      ]);
    });

    it("fails on dive's byte units: 32025 B against 32kB (1000s) and 31KiB (1024s)", async () => {
      const kb = rulesFile(
        'kb.yaml',
        'rules:\n  highestWastedBytes: 32kB\n  highestUserWastedPercent: off\n',
      );
      expect((await run(['ci', '--config', kb, CORPUS])).code).toBe(1);
      const kib = rulesFile(
        'kib.yaml',
        'rules:\n  highestWastedBytes: 32KiB\n  highestUserWastedPercent: off\n',
      );
      expect((await run(['ci', '--config', kib, CORPUS])).code).toBe(0);
    });
  },
);

describe('strata ci on the t:3 fixture', () => {
  it('reads .dive-ci from the current directory when no --config is given, as dive does', async () => {
    const dir = mkdtempSync(join(work, 'cwd-'));
    writeFileSync(join(dir, '.dive-ci'), 'rules:\n  lowestEfficiency: 0.99\n');
    process.chdir(dir);
    const { code, out } = await run(['ci', T3]);
    expect(code).toBe(1);
    expect(out).toContain('Rules: .dive-ci');
    expect(results(out)[0]).toBe('FAIL: lowestEfficiency: efficiency 0.610062893081761 < 0.99');
  });

  it("evaluates strata's own rules: corrected waste, forbidden globs, setuid, image size", async () => {
    const config = rulesFile(
      'strata.yaml',
      [
        'rules:',
        '  lowestEfficiency: disabled',
        '  highestUserWastedPercent: disabled',
        '  maxTrueWastedBytes: 66',
        '  forbiddenPaths:',
        '    - "**/*.txt"',
        '    - "**/*.pem"',
        '  noSetuid: true',
        '  maxImageSize: 100B',
        '',
      ].join('\n'),
    );
    const { code, out } = await run(['ci', '--config', config, T3]);
    expect(code).toBe(1);
    expect(results(out)).toEqual([
      'SKIP: lowestEfficiency: rule disabled',
      'SKIP: highestWastedBytes: rule disabled',
      'SKIP: highestUserWastedPercent: rule disabled',
      'PASS: maxTrueWastedBytes: hidden bytes 66 B ≤ 66 B',
      'FAIL: forbiddenPaths: forbidden paths: /etc/ünïcödé-名前.txt, /usr/share/a-directory-name-long-enough-to-need-the-prefix/and-another-level-so-the-whole-path/exceeds-one-hundred-bytes-of-ustar-name.txt',
      'PASS: noSetuid: no setuid/setgid files',
      'FAIL: maxImageSize: image size 155 B > 100 B',
      'Result: FAIL [Total:7] [Passed:2] [Failed:2] [Skipped:3]',
    ]);
  });

  it('prints the figures and each rule as JSON with a version', async () => {
    const config = rulesFile('json.yaml', 'rules:\n  lowestEfficiency: 0.5\n  highestUserWastedPercent: 2\n');
    const { code, out } = await run(['ci', '--json', '--config', config, T3]);
    const json = JSON.parse(out) as Record<string, unknown>;
    expect(code).toBe(2);
    expect(json).toMatchObject({ version: 1, pass: false, misconfigured: true, trueWastedBytes: 66 });
  });

  it('exits 2 with a sentence for a missing --config file or a rule value that does not parse', async () => {
    const missing = await run(['ci', '--config', join(work, 'nope.yaml'), T3]);
    expect(missing).toEqual({
      code: 2,
      out: '',
      err: `strata ci: The CI rules file ${join(work, 'nope.yaml')} does not exist.\n`,
    });
    const bad = rulesFile('bad.yaml', 'rules:\n  lowestEfficiency: lots\n');
    const misconfigured = await run(['ci', '--config', bad, T3]);
    expect(misconfigured.code).toBe(2);
    expect(results(misconfigured.out)[0]).toBe(
      'FAIL: lowestEfficiency: lowestEfficiency must be a number between 0 and 1, not "lots".',
    );
    expect(misconfigured.err).toBe(
      'strata ci: the CI rules are misconfigured: fix the values named above.\n',
    );
    expect((await run(['ci', '--config', work, T3])).code).toBe(2);
    expect((await run(['ci'])).code).toBe(2);
  });
});

if (!existsSync(CORPUS)) console.warn(`skipped the corpus ci tests: ${CORPUS} is absent`);
