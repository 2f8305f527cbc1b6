import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseByteSize } from './byte-units';
import { ciFigures, evaluateCiRules, formatCiReport, type CiFigures } from './ci-rules';
import { parseDiveCi } from './dive-ci';
import { buildLayerStack } from './layer-stack';
import { dir, file } from './layer-builders';

const DIVE_CI = fileURLToPath(new URL('../../../../shared/corpus/archives/.dive-ci', import.meta.url));

/** dive's figures for its test-docker-image.tar (docs/archive-formats.md#efficiency-and-wasted-bytes). */
const DIVE_IMAGE: CiFigures = {
  efficiency: 0.9844212134184309,
  wastedBytes: 32025,
  userWastedPercent: 0.4834911001404049,
  trueWastedBytes: 32025,
  imageSize: 1220598,
};

describe('byte sizes as dive reads them', () => {
  it.each([
    ['20Mb', 20_000_000],
    ['20 MiB', 20 * 1024 * 1024],
    ['50kB', 50_000],
    ['1B', 1],
    ['1,024', 1024],
    ['1.5k', 1500],
    ['123', 123],
    ['2Gi', 2 * 1024 ** 3],
  ])('%s is %d bytes', (text, bytes) => {
    expect(parseByteSize(text)).toEqual({ ok: true, bytes });
  });

  it('explains what is wrong with a bad size', () => {
    expect(parseByteSize('20 parsecs')).toEqual({
      ok: false,
      message: '"parsecs" in "20 parsecs" is not a byte unit: use B, kB, MB, GB, KiB, MiB or GiB.',
    });
    expect(parseByteSize('MB')).toMatchObject({ ok: false });
  });
});

describe('.dive-ci rules', () => {
  it.skipIf(!existsSync(DIVE_CI))(
    "reads dive's example file and passes dive's image (skipped without ../shared/corpus)",
    () => {
      const parsed = parseDiveCi(readFileSync(DIVE_CI, 'utf8'));
      expect(parsed.rules).toEqual({
        lowestEfficiency: '0.95',
        highestWastedBytes: '20Mb',
        highestUserWastedPercent: '0.5',
      });
      expect(parsed.warnings).toEqual([
        'Line 15: the rule "plugin1/rule1" is not known here and was ignored.',
      ]);
      expect(formatCiReport(evaluateCiRules(DIVE_IMAGE, parsed.rules))).toBe(
        [
          'PASS: lowestEfficiency: efficiency 0.9844212134184309 ≥ 0.95',
          'PASS: highestWastedBytes: wasted (dive) 32025 B ≤ 20000000 B',
          'PASS: highestUserWastedPercent: wasted/user 0.4834911001404049 ≤ 0.5',
          'Result: PASS [Total:3] [Passed:3] [Failed:0] [Skipped:0]',
          '',
        ].join('\n'),
      );
    },
  );

  it("applies dive's defaults and its comparisons (all fail at 0.99 / 1B / 0.01)", () => {
    expect(formatCiReport(evaluateCiRules(DIVE_IMAGE, parseDiveCi('').rules))).toBe(
      [
        'PASS: lowestEfficiency: efficiency 0.9844212134184309 ≥ 0.9',
        'SKIP: highestWastedBytes: rule disabled',
        'FAIL: highestUserWastedPercent: wasted/user 0.4834911001404049 > 0.1',
        'Result: FAIL [Total:3] [Passed:1] [Failed:1] [Skipped:1]',
        '',
      ].join('\n'),
    );
    const strict = parseDiveCi(
      'rules:\n  lowestEfficiency: 0.99\n  highestWastedBytes: 1B\n  highestUserWastedPercent: 0.01\n',
    );
    expect(evaluateCiRules(DIVE_IMAGE, strict.rules).results.map((r) => r.status)).toEqual([
      'FAIL',
      'FAIL',
      'FAIL',
    ]);
  });

  it('turns rules off with disabled, off, false or an empty value, and reports bad values', () => {
    const text = [
      '---',
      'rules:',
      '  lowest-efficiency: off  # kebab case, as dive flags spell it',
      '  highestWastedBytes: ""',
      "  highestUserWastedPercent: 'false'",
      '  maxImageSize: 2 parsecs',
    ].join('\n');
    const report = evaluateCiRules(DIVE_IMAGE, parseDiveCi(text).rules);
    expect(report.results.map((r) => `${r.rule} ${r.status}`)).toEqual([
      'lowestEfficiency SKIP',
      'highestWastedBytes SKIP',
      'highestUserWastedPercent SKIP',
      'maxImageSize FAIL',
    ]);
    expect(report.misconfigured).toBe(true);
    expect(report.results[3]!.message).toBe(
      '"parsecs" in "2 parsecs" is not a byte unit: use B, kB, MB, GB, KiB, MiB or GiB.',
    );
  });

  it("evaluates strata's rules on the final tree: forbidden globs, setuid, true waste, size", () => {
    const stack = buildLayerStack([
      [
        dir('/etc'),
        file('/etc/ssl/key.pem', 10),
        file('/bin/su', 50, { mode: 0o4755 }),
        dir('/tmp', { mode: 0o1777 }),
        file('/big', 1000),
      ],
      [file('/big', 10), file('/gone.pem', 1)],
    ]);
    const text = [
      'rules:',
      '  lowestEfficiency: disabled',
      '  highestUserWastedPercent: disabled',
      '  maxTrueWastedBytes: 1kB',
      '  forbiddenPaths:',
      '    - "**/*.pem"',
      '    - /root/**',
      '  noSetuid: true',
      '  maxImageSize: 1 KiB',
    ].join('\n');
    const report = evaluateCiRules(ciFigures(stack), parseDiveCi(text).rules);
    expect(formatCiReport(report)).toBe(
      [
        'SKIP: lowestEfficiency: rule disabled',
        'SKIP: highestWastedBytes: rule disabled',
        'SKIP: highestUserWastedPercent: rule disabled',
        'PASS: maxTrueWastedBytes: hidden bytes 1000 B ≤ 1000 B',
        'FAIL: forbiddenPaths: forbidden paths: /etc/ssl/key.pem, /gone.pem',
        'FAIL: noSetuid: setuid/setgid files: /bin/su',
        'FAIL: maxImageSize: image size 1071 B > 1024 B',
        'Result: FAIL [Total:7] [Passed:1] [Failed:3] [Skipped:3]',
        '',
      ].join('\n'),
    );
  });
});
