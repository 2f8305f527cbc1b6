/** The strata CLI: the same core as the page, for scripts and CI. */
import { InputError, UsageError, type CliIo, type Command } from './cli-io';
import { history } from './commands/history';
import { inspect } from './commands/inspect';

const COMMANDS: Record<string, () => Promise<Command>> = {
  history: () => Promise.resolve(history),
  inspect: () => Promise.resolve(inspect),
  resolve: async () => (await import('./commands/resolve')).resolve,
};

const USAGE = `usage: strata <command> [options] ARCHIVE

commands:
  history   the layer stack, like podman history --no-trunc
  inspect   names, config, platform and layers of the images in an archive
  resolve   how Docker and Podman resolve an image name

Every command takes --json for machine-readable output. Exit codes: 0 success,
1 unreadable input, 2 bad usage.
`;

export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(USAGE);
    return name === undefined ? 2 : 0;
  }
  const load = COMMANDS[name];
  if (!load) {
    io.stderr(`strata: unknown command "${name}".\n${USAGE}`);
    return 2;
  }
  try {
    return await (
      await load()
    )(args, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`strata ${name}: ${error.message}\n`);
      return 2;
    }
    if (error instanceof InputError) {
      io.stderr(`strata ${name}: ${error.message}\n`);
      return 1;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`strata ${name}: ${message}\n`);
    return 1;
  }
}
