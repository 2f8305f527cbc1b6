/** What `strata resolve` reports: the JSON object (format version 1) and the aligned lines for people. */
import { renderPhrase, type Phrase } from './resolve-sentences';
import {
  podmanPullPhrase,
  describeSource,
  lookupLocal,
  normalizeReference,
  planPodmanLookup,
  type Engine,
  type ImpliedPart,
  type RegistriesConf,
} from './resolve';

export interface ArchiveNames {
  readonly names: readonly string[];
  readonly ids: readonly string[];
}

/** How one engine reads the name, and what it finds in the archive when one was given. */
export interface EngineReading {
  /** The full name this engine would use; null when podman has no single answer for a short name. */
  readonly normalized: string | null;
  readonly candidates: readonly string[];
  readonly matches: readonly string[];
  readonly explanation: readonly string[];
  /** Page only: the explanation by sentence name (`strata resolve --json` leaves it out). */
  readonly explanationSentences: readonly Phrase[];
}

export interface ValidReport extends EngineReading {
  readonly version: 1;
  readonly input: string;
  readonly valid: true;
  readonly kind: 'name' | 'id';
  readonly engine: Engine;
  readonly registry: string | null;
  readonly path: string | null;
  readonly tag: string | null;
  readonly digest: string | null;
  readonly familiar: string | null;
  readonly implied: readonly ImpliedPart[];
  readonly notes: readonly string[];
  readonly noteSentences: readonly Phrase[];
  readonly podmanPull: string;
  readonly podmanPullSentence: Phrase;
  readonly engines: { readonly docker: EngineReading; readonly podman: EngineReading };
}

export interface InvalidReport {
  readonly version: 1;
  readonly input: string;
  readonly valid: false;
  readonly error: string;
  /** Page only: the error by sentence name (`strata resolve --json` leaves it out). */
  readonly errorSentence: Phrase;
}

function dockerView(input: string, conf: RegistriesConf, archive: ArchiveNames | null): EngineReading {
  const n = normalizeReference(input);
  const normalized = n.kind === 'name' ? n.normalized : n.kind === 'id' ? n.id : null;
  const found = archive === null ? null : lookupLocal(input, 'docker', conf, archive.names, archive.ids);
  return {
    normalized,
    candidates: [],
    matches: found?.matches ?? [],
    explanation: found?.explanation ?? [],
    explanationSentences: found?.explanationSentences ?? [],
  };
}

function podmanView(input: string, conf: RegistriesConf, archive: ArchiveNames | null): EngineReading {
  const plan = planPodmanLookup(input, conf);
  const found = archive === null ? null : lookupLocal(input, 'podman', conf, archive.names, archive.ids);
  const matches = found?.matches ?? [];
  const explanation = found?.explanation ?? [];
  const explanationSentences = found?.explanationSentences ?? [];
  if (plan.kind !== 'name') {
    return {
      normalized: plan.kind === 'id' ? `sha256:${plan.hex}` : null,
      candidates: [],
      matches,
      explanation,
      explanationSentences,
    };
  }
  const candidates = plan.candidates.map((c) => c.name);
  const searched = plan.candidates.filter((c) => c.source === 'search-registry');
  const first = plan.candidates[0];
  let normalized: string | null = null;
  if (matches[0] !== undefined) normalized = matches[0];
  else if (first !== undefined && (!plan.short || first.source === 'alias')) normalized = first.name;
  else if (searched.length === 1) normalized = searched[0]!.name;
  return { normalized, candidates, matches, explanation, explanationSentences };
}

export function buildReport(
  input: string,
  engine: Engine,
  conf: RegistriesConf,
  archive: ArchiveNames | null,
): ValidReport | InvalidReport {
  const n = normalizeReference(input);
  if (n.kind === 'error')
    return { version: 1, input, valid: false, error: n.message, errorSentence: n.sentence };
  const docker = dockerView(input, conf, archive);
  const podman = podmanView(input, conf, archive);
  const view = engine === 'docker' ? docker : podman;
  const pull = podmanPullPhrase(input, conf);
  const name = n.kind === 'name' ? n : null;
  return {
    version: 1,
    input,
    valid: true,
    kind: n.kind,
    engine,
    registry: name?.registry ?? null,
    path: name?.path ?? null,
    tag: name?.tag ?? null,
    digest: name ? name.digest : n.kind === 'id' ? n.id : null,
    normalized: view.normalized,
    familiar: name?.familiar ?? null,
    implied: name?.implied ?? [],
    notes: name?.notes ?? [],
    noteSentences: name?.noteSentences ?? [],
    candidates: view.candidates,
    matches: view.matches,
    explanation: view.explanation,
    explanationSentences: view.explanationSentences,
    podmanPull: renderPhrase(pull),
    podmanPullSentence: pull,
    engines: { docker, podman },
  };
}

const LABEL = 14;

function lines(label: string, values: readonly string[]): string {
  return values.map((v, i) => `${(i === 0 ? label : '').padEnd(LABEL)}${v}\n`).join('');
}

function archiveLines(label: string, view: EngineReading): string {
  const head = view.matches.length > 0 ? `found: ${view.matches.join(', ')}` : 'not found';
  return lines(label, [head, ...view.explanation]);
}

function podmanLines(input: string, conf: RegistriesConf): string[] {
  const plan = planPodmanLookup(input, conf);
  if (plan.kind === 'invalid') return [`refused: ${renderPhrase(plan.reason)}`];
  if (plan.kind === 'id') return [`the image ID sha256:${plan.hex}`];
  if (plan.expansionError !== null)
    return [`not known: the name cannot be expanded (${renderPhrase(plan.expansionError)})`];
  const out = [plan.short ? 'short name; tries, in order:' : 'qualified name; tries, in order:'];
  plan.candidates.forEach((c, i) => out.push(`  ${i + 1}. ${c.name}  (${describeSource(c)})`));
  out.push('then the start of an image ID');
  if (plan.name.digest !== null) out.push(`then any image stored with the digest ${plan.name.digest}`);
  if (plan.short && plan.name.digest === null) {
    const written = plan.name.domain === null ? plan.name.path : `${plan.name.domain}/${plan.name.path}`;
    out.push(`then any name ending in '/${written}' with the tag '${plan.name.tag ?? 'latest'}'`);
  }
  return out;
}

/** Aligned lines: the parts of the name, what was implied, and how each engine (or the chosen one) resolves it. */
export function renderReport(
  report: ValidReport,
  conf: RegistriesConf,
  engines: readonly Engine[],
  withArchive: boolean,
  confLabel: string,
): string {
  const implied = (part: ImpliedPart): string => (report.implied.includes(part) ? '  (implied)' : '');
  let text = `${report.input}\n`;
  if (report.kind === 'id') {
    text += lines('image ID', [report.digest ?? '']);
  } else {
    text += lines('registry', [`${report.registry ?? ''}${implied('registry')}`]);
    text += lines('path', [
      `${report.path ?? ''}${report.implied.includes('namespace') ? "  ('library/' implied)" : ''}`,
    ]);
    text += lines('tag', [`${report.tag ?? '-'}${implied('tag')}`]);
    text += lines('digest', [report.digest ?? '-']);
    text += lines('familiar', [report.familiar ?? '']);
    text += lines('implied', [report.implied.length > 0 ? report.implied.join(', ') : 'nothing']);
    text += lines('note', report.notes);
  }
  if (engines.includes('docker')) {
    text += lines('docker', [report.engines.docker.normalized ?? '']);
    if (withArchive) text += archiveLines('  in archive', report.engines.docker);
  }
  if (engines.includes('podman')) {
    text += lines('podman', podmanLines(report.input, conf));
    text += lines('  settings', [confLabel]);
    if (withArchive) text += archiveLines('  in archive', report.engines.podman);
    text += lines('  on pull', [report.podmanPull]);
  }
  return text;
}
