/**
 * The compare gate (`strata compare --fail-on RULE[,RULE…]`): rules over the comparison, each trips with a
 * sentence naming what tripped it. A rule that does not parse is a FailOnRuleError, which the CLI reports
 * as bad usage (exit 2), before any image is read.
 */
import { compileGlob, parseByteSize, type Glob } from '../layers';
import type { CompareJson } from './compare-types';

export class FailOnRuleError extends Error {
  override name = 'FailOnRuleError';
}

export type FailOnRule =
  | { readonly kind: 'new-setuid'; readonly text: string }
  | { readonly kind: 'package-downgrade'; readonly text: string }
  | { readonly kind: 'new-unresolved'; readonly text: string }
  | {
      readonly kind: 'size-growth';
      readonly text: string;
      readonly percent?: number;
      readonly bytes?: number;
    }
  | { readonly kind: 'new-package'; readonly text: string; readonly glob: Glob };

export interface TrippedRule {
  readonly rule: string;
  /** What tripped it, as a sentence. */
  readonly reason: string;
}

export const FAIL_ON_RULES =
  'new-setuid, package-downgrade, new-unresolved, size-growth=PERCENT% or size-growth=SIZE (10%, 50MB), new-package=GLOB (openssl*)';

function parseOne(text: string): FailOnRule {
  const eq = text.indexOf('=');
  const name = eq < 0 ? text : text.slice(0, eq);
  const value = eq < 0 ? undefined : text.slice(eq + 1);
  const noValue = (kind: 'new-setuid' | 'package-downgrade' | 'new-unresolved'): FailOnRule => {
    if (value !== undefined) throw new FailOnRuleError(`The rule ${name} takes no value ("${text}").`);
    return { kind, text };
  };
  switch (name) {
    case 'new-setuid':
    case 'package-downgrade':
    case 'new-unresolved':
      return noValue(name);
    case 'size-growth': {
      if (value === undefined || value === '')
        throw new FailOnRuleError('size-growth needs a limit: size-growth=10% or size-growth=50MB.');
      if (value.endsWith('%')) {
        const percent = Number(value.slice(0, -1));
        if (value.length === 1 || !Number.isFinite(percent) || percent < 0)
          throw new FailOnRuleError(`"${value}" is not a percentage: write size-growth=10%.`);
        return { kind: 'size-growth', text, percent };
      }
      const size = parseByteSize(value);
      if (!size.ok) throw new FailOnRuleError(`size-growth=${value}: ${size.message}`);
      return { kind: 'size-growth', text, bytes: size.bytes };
    }
    case 'new-package':
      if (value === undefined || value === '')
        throw new FailOnRuleError('new-package needs a package name or glob: new-package=openssl*.');
      return { kind: 'new-package', text, glob: compileGlob(value) };
    default:
      throw new FailOnRuleError(`"${text}" is not a rule strata knows: use ${FAIL_ON_RULES}.`);
  }
}

/** Rules as given to --fail-on (comma-separated, the flag repeated or not). */
export function parseFailOn(values: readonly string[]): FailOnRule[] {
  return values
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v !== '')
    .map(parseOne);
}

function listed(items: readonly string[], max = 5): string {
  const shown = items.slice(0, max).join(', ');
  return items.length > max ? `${shown} and ${items.length - max} more` : shown;
}

function check(rule: FailOnRule, result: CompareJson): string | undefined {
  switch (rule.kind) {
    case 'new-setuid': {
      const files = result.files.newSetuid;
      return files.length === 0
        ? undefined
        : `new setuid/setgid files: ${listed(files.map((f) => `${f.path} (${f.mode})`))}`;
    }
    case 'package-downgrade': {
      const list = result.packages.downgraded;
      return list.length === 0
        ? undefined
        : `downgraded: ${listed(list.map((p) => `${p.name} ${p.from} → ${p.to}`))}`;
    }
    case 'new-unresolved': {
      const list = result.linkage.unresolvedNew;
      return list.length === 0
        ? undefined
        : `libraries that no longer resolve: ${listed(list.map((u) => `${u.name} (needed by ${u.path})`))}`;
    }
    case 'size-growth': {
      const { old, delta } = result.size;
      const limit = rule.bytes ?? (old * (rule.percent ?? 0)) / 100;
      if (delta <= limit) return undefined;
      const percent = old === 0 ? '' : ` (${((delta / old) * 100).toFixed(1)}%)`;
      return `the image grew by ${delta} bytes${percent}, over the limit of ${rule.percent !== undefined ? `${rule.percent}%` : `${limit} bytes`}`;
    }
    case 'new-package': {
      const names = result.packages.added.map((p) => p.name).filter((n) => rule.glob.matches(n));
      return names.length === 0 ? undefined : `new packages matching ${rule.glob.source}: ${listed(names)}`;
    }
  }
}

/** The rules that tripped, in the order given. */
export function evaluateFailOn(rules: readonly FailOnRule[], result: CompareJson): TrippedRule[] {
  const tripped: TrippedRule[] = [];
  for (const rule of rules) {
    const reason = check(rule, result);
    if (reason !== undefined) tripped.push({ rule: rule.text, reason });
  }
  return tripped;
}
