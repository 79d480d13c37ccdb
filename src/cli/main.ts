/// <reference types="node" />
// The `inkling` command line (dist/cli.js): keys, signing, validation, training, import.
// Exit codes: 0 ok, 1 bad input or a failed check, 2 usage. Expected failures are `CliError`s,
// printed as one line (plus details such as every validation problem) with no stack trace.
import { casesCommand } from './casesCommand';
import { CliError } from './cliError';
import type { Command } from './defineCommand';
import { importCommand } from './importCommand';
import { keygenCommand } from './keygenCommand';
import { reportCommand } from './reportCommand';
import { signCommand } from './signCommand';
import { trainCommand } from './trainCommand';
import { validateCommand } from './validateCommand';
import { verifyCommand } from './verifyCommand';

const commands: Command[] = [keygenCommand, signCommand, verifyCommand, validateCommand, trainCommand, reportCommand, importCommand, casesCommand];

const HELP = `inkling: train, import, sign and check Inkling segment manifests.

Usage: inkling <command> [options]

Commands:
${commands.map((c) => `  ${c.name.padEnd(10)}${c.summary}`).join('\n')}

Run inkling <command> --help for a command's options.
A typical run: inkling keygen --out key.pem; inkling train vectors.csv --features spec.json --k 2..8;
inkling sign manifest.json --key key.pem; inkling verify manifest.json --public-key <printed key>.`;

/** `--help` or `-h` anywhere before a `--` asks for help. */
const wantsHelp = (args: string[]) => {
  const end = args.indexOf('--');
  return (end < 0 ? args : args.slice(0, end)).some((a) => a === '--help' || a === '-h');
};

async function main(args: string[]): Promise<void> {
  const [name, ...rest] = args;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const topic = name === 'help' ? commands.find((c) => c.name === rest[0]) : undefined;
    console.log(topic ? topic.help : HELP);
    if (name === undefined) process.exitCode = 2;
    return;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) throw new CliError(`inkling: unknown command ${JSON.stringify(name)}; commands are ${commands.map((c) => c.name).join(', ')} (see inkling --help)`, 2);
  if (wantsHelp(rest)) return void console.log(command.help);
  await command.run(rest);
}

main(process.argv.slice(2)).catch((e: unknown) => {
  if (e instanceof CliError) {
    console.error(`error: ${e.message}`);
    for (const line of e.details) console.error(line);
    process.exitCode = e.exitCode;
  } else {
    // Not an expected failure: a bug, or the system (disk full, permissions). Still one line,
    // with the stack only on request.
    const error = e as NodeJS.ErrnoException;
    console.error(`error: ${error?.message ?? String(e)}`);
    if (process.env.INKLING_DEBUG) console.error(error?.stack);
    process.exitCode = 1;
  }
});
