// Command-line parsing for `cidr-lens check | plan | suggest` (SPEC §5). A usage mistake becomes one
// `UsageError` sentence, printed without a stack trace, exit code 2.

export class UsageError extends Error {}

export type Command = 'check' | 'plan' | 'suggest';
export const CHECK_FORMATS = ['text', 'json', 'sarif', 'github'] as const;
export const PLAN_FORMATS = ['text', 'json', 'markdown', 'svg', 'netbox-csv', 'ipam-json'] as const;
export const SUGGEST_FORMATS = ['text', 'json'] as const;
export const FAIL_ON = ['error', 'warning', 'info', 'never'] as const;

export interface CliOptions {
  readonly command: Command;
  readonly paths: readonly string[];
  readonly format: string;
  readonly config?: string;
  readonly failOn: (typeof FAIL_ON)[number];
  readonly scope: 'auto' | 'file';
  readonly prefix?: number;
  readonly family?: 4 | 6;
  readonly count: number;
}

const VALUE_FLAGS = new Set(['--format', '--config', '--fail-on', '--scope', '--prefix', '--family', '--count']);
const ALLOWED_FLAGS: Readonly<Record<Command, readonly string[]>> = {
  check: ['--format', '--config', '--fail-on', '--scope'],
  plan: ['--format', '--config', '--scope'],
  suggest: ['--prefix', '--family', '--count', '--config', '--scope', '--format'],
};

const FORMATS: Readonly<Record<Command, readonly string[]>> = { check: CHECK_FORMATS, plan: PLAN_FORMATS, suggest: SUGGEST_FORMATS };

export const USAGE = `Usage:
  cidr-lens check [PATH...] [--format text|json|sarif|github] [--config FILE] [--fail-on error|warning|info|never] [--scope auto|file]
  cidr-lens plan  [PATH...] [--format text|json|markdown|svg|netbox-csv|ipam-json] [--config FILE] [--scope auto|file]
  cidr-lens suggest --prefix N [--family 4|6] [--count K] [--format text|json] [--config FILE] [--scope auto|file] [PATH...]
  cidr-lens --help | --version`;

/** `help`, or `--help`/`-h` anywhere before `--`, also after a command (`cidr-lens check --help`). */
export function wantsHelp(argv: readonly string[]): boolean {
  const end = argv.indexOf('--');
  return argv[0] === 'help' || (end < 0 ? argv : argv.slice(0, end)).some((arg) => arg === '--help' || arg === '-h');
}

export function parseArgs(argv: readonly string[]): CliOptions {
  const [command, ...rest] = argv;
  if (command === undefined) throw new UsageError('missing command: expected check, plan or suggest');
  if (command !== 'check' && command !== 'plan' && command !== 'suggest') throw new UsageError(`unknown command "${command}": expected check, plan or suggest`);
  const values = new Map<string, string>();
  const paths: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (arg === '--') {
      paths.push(...rest.slice(i + 1));
      break;
    }
    // A lone `-` is not an option, but `-x` is: a mistyped flag must not be read as a missing path.
    if (!arg.startsWith('-') || arg === '-') {
      paths.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    if (!VALUE_FLAGS.has(flag) || !ALLOWED_FLAGS[command].includes(flag)) throw new UsageError(`unknown option "${flag}" for ${command}`);
    const value = eq > 0 ? arg.slice(eq + 1) : rest[++i];
    if (value === undefined) throw new UsageError(`option ${flag} needs a value`);
    values.set(flag, value);
  }
  const format = values.get('--format') ?? 'text';
  if (!FORMATS[command].includes(format)) throw new UsageError(`unknown format "${format}" for ${command}: expected ${FORMATS[command].join(', ')}`);
  const failOn = values.get('--fail-on') ?? 'error';
  if (!(FAIL_ON as readonly string[]).includes(failOn)) throw new UsageError(`unknown --fail-on "${failOn}": expected ${FAIL_ON.join(', ')}`);
  const scope = values.get('--scope') ?? 'auto';
  if (scope !== 'auto' && scope !== 'file') throw new UsageError(`unknown --scope "${scope}": expected auto or file`);
  const prefixText = values.get('--prefix');
  const prefix = prefixText === undefined ? undefined : wholeNumber('--prefix', prefixText, 0, 128);
  if (command === 'suggest' && prefix === undefined) throw new UsageError('suggest needs --prefix N');
  const familyText = values.get('--family');
  if (familyText !== undefined && familyText !== '4' && familyText !== '6') throw new UsageError(`--family must be 4 or 6, not "${familyText}"`);
  const family = familyText === '6' ? 6 : familyText === '4' ? 4 : undefined;
  if (prefix !== undefined && prefix > 32 && family !== 6) throw new UsageError(`--prefix ${prefix} is longer than an IPv4 prefix: add --family 6`);
  const count = values.has('--count') ? wholeNumber('--count', values.get('--count')!, 1, 1000) : 3;
  const config = values.get('--config');
  return {
    command,
    paths: paths.length > 0 ? paths : ['.'],
    format,
    ...(config !== undefined ? { config } : {}),
    failOn: failOn as CliOptions['failOn'],
    scope,
    ...(prefix !== undefined ? { prefix } : {}),
    ...(family !== undefined ? { family } : {}),
    count,
  };
}

function wholeNumber(flag: string, text: string, min: number, max: number): number {
  if (!/^\d+$/.test(text) || Number(text) < min || Number(text) > max) throw new UsageError(`${flag} must be a whole number from ${min} to ${max}, not "${text}"`);
  return Number(text);
}
