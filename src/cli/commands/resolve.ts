/** `strata resolve [--engine docker|podman] [--registries-conf FILE] [--archive ARCHIVE] [--json] NAME`. */
import { readFile } from 'node:fs/promises';
import {
  DEFAULT_REGISTRIES_CONF,
  EMPTY_REGISTRIES_CONF,
  parseRegistriesConf,
  type Engine,
  type RegistriesConf,
  buildReport,
  renderReport,
  type ArchiveNames,
} from '../../core';
import { flagValue, parseArgs } from '../args';
import { InputError, UsageError, type Command } from '../cli-io';
import { withoutPageFields } from '../page-only';

const USAGE =
  'usage: strata resolve [--engine docker|podman] [--registries-conf FILE] [--archive ARCHIVE] [--json] NAME';

export interface ResolveDeps {
  listArchiveNames(path: string): Promise<{ names: string[]; ids: string[] }>;
}

function readEngine(value: string | undefined): Engine | null {
  if (value === undefined) return null;
  if (value === 'docker' || value === 'podman') return value;
  throw new UsageError(`--engine takes docker or podman, not "${value}".`);
}

/**
 * A file given with --registries-conf stands alone, as with CONTAINERS_REGISTRIES_CONF: keys it leaves out
 * take containers/image's built-in defaults. Without it, Fedora's shipped registries.conf is assumed.
 */
async function readConf(path: string | undefined): Promise<RegistriesConf> {
  if (path === undefined) return DEFAULT_REGISTRIES_CONF;
  const text = await readFile(path, 'utf8').catch(() => {
    throw new InputError(`${path}: cannot read this registries.conf file.`);
  });
  const conf = parseRegistriesConf(text, EMPTY_REGISTRIES_CONF);
  if ('kind' in conf) throw new InputError(`${path}: ${conf.message}.`);
  return conf;
}

export function resolveWith(deps: ResolveDeps): Command {
  return async (args, io) => {
    const parsed = parseArgs(args, {
      values: ['--engine', '--registries-conf', '--archive'],
      booleans: ['--json'],
    });
    const [name, ...rest] = parsed.positionals;
    if (name === undefined || rest.length > 0) throw new UsageError(USAGE);
    const chosen = readEngine(flagValue(parsed, '--engine'));
    const conf = await readConf(flagValue(parsed, '--registries-conf'));
    const archivePath = flagValue(parsed, '--archive');
    const archive: ArchiveNames | null =
      archivePath === undefined ? null : await deps.listArchiveNames(archivePath);
    const report = buildReport(name, chosen ?? 'docker', conf, archive);
    const json = parsed.flags.has('--json');
    if (json) io.stdout(JSON.stringify(report, withoutPageFields, 2) + '\n');
    if (!report.valid) {
      io.stderr(`strata resolve: '${name}' is not a valid image name: ${report.error}.\n`);
      return 1;
    }
    const confLabel =
      flagValue(parsed, '--registries-conf') ??
      `Fedora's registries.conf (${DEFAULT_REGISTRIES_CONF.unqualifiedSearchRegistries.length} search registries, ${DEFAULT_REGISTRIES_CONF.shortNameMode}); --registries-conf FILE for another`;
    if (!json) {
      io.stdout(
        renderReport(report, conf, chosen ? [chosen] : ['docker', 'podman'], archive !== null, confLabel),
      );
    }
    return 0;
  };
}

export const resolve: Command = resolveWith({
  listArchiveNames: async (path) => {
    const { listArchiveNames } = await import('./resolve-archive-names');
    const found = await listArchiveNames(path);
    return { names: [...found.names], ids: [...found.ids] };
  },
});
