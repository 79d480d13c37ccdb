/// <reference types="node" />
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CliError } from './cliError';

type Options = NonNullable<ParseArgsConfig['options']>;
type Values<O extends Options> = ReturnType<typeof parseArgs<{ options: O; allowPositionals: true; strict: true }>>['values'];

/** One `inkling` subcommand as `main` runs it. */
export interface Command {
  /** What follows `inkling`, e.g. `sign`. */
  name: string;
  /** One line for `inkling --help`. */
  summary: string;
  /** The text of `inkling <name> --help`. */
  help: string;
  /** Parses the arguments after the name and does the work; expected failures throw `CliError`. */
  run(argv: string[]): Promise<void>;
}

/**
 * A subcommand whose options `node:util` `parseArgs` reads strictly (an unknown option or a
 * missing value is a usage error, exit code 2), with a checked number of positional arguments.
 *
 * @example
 * export const hello = defineCommand({ name: 'hello', summary: 'greets', help: 'Usage: inkling hello NAME',
 *   options: { loud: { type: 'boolean' } }, positionals: ['NAME'], run: (values, [name]) => console.log(name) });
 */
export function defineCommand<O extends Options>(spec: {
  name: string;
  summary: string;
  help: string;
  options: O;
  /** Names of the required positional arguments, for the usage error when one is missing. */
  positionals: string[];
  run(values: Values<O>, positionals: string[]): Promise<void> | void;
}): Command {
  const { name, summary, help } = spec;
  return {
    name,
    summary,
    help,
    async run(argv) {
      let parsed: { values: unknown; positionals: string[] };
      try {
        parsed = parseArgs({ args: argv, options: spec.options, allowPositionals: true, strict: true });
      } catch (e) {
        throw new CliError(`inkling ${name}: ${(e as Error).message.split(/\n|\. To specify/)[0]} (see inkling ${name} --help)`, 2);
      }
      const missing = spec.positionals.slice(parsed.positionals.length);
      if (missing.length > 0) throw new CliError(`inkling ${name}: missing ${missing.join(' and ')} (see inkling ${name} --help)`, 2);
      const extra = parsed.positionals.slice(spec.positionals.length);
      if (extra.length > 0) throw new CliError(`inkling ${name}: unexpected argument ${JSON.stringify(extra[0])} (see inkling ${name} --help)`, 2);
      await spec.run(parsed.values as Values<O>, parsed.positionals);
    },
  };
}
