/**
 * Command-line argument parsing shared by every `kokoroe` command. Small on purpose: long
 * options only (`--name value`, `--name=value`, boolean flags), positionals kept in order.
 * Errors are values: a bad argument becomes a message naming it, and the caller exits 2.
 */

export interface OptionSpec {
  /** Takes a value (`--policy FILE`) rather than being a flag (`--include-original`). */
  value: boolean;
  /** Allowed values, when the option is an enumeration. */
  choices?: readonly string[];
  /** May be given more than once (values collected in order). */
  repeat?: boolean;
}

export interface ParsedArgs {
  options: Record<string, string | string[] | true>;
  positionals: string[];
  errors: string[];
}

export function parseArgs(argv: readonly string[], spec: Record<string, OptionSpec>): ParsedArgs {
  const options: ParsedArgs['options'] = {};
  const positionals: string[] = [];
  const errors: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--') || arg.length === 2) {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq === -1 ? undefined : eq);
    const option = spec[name];
    if (!option) {
      errors.push(`unknown option --${name}`);
      continue;
    }
    if (!option.value) {
      if (eq !== -1) errors.push(`--${name} takes no value`);
      else options[name] = true;
      continue;
    }
    let value: string | undefined;
    if (eq !== -1) value = arg.slice(eq + 1);
    else if (i + 1 < argv.length && !argv[i + 1]!.startsWith('--')) value = argv[++i];
    if (value === undefined) {
      errors.push(`--${name} needs a value`);
      continue;
    }
    if (option.choices && !option.choices.includes(value)) {
      errors.push(`--${name} must be one of ${option.choices.join(', ')} (got "${value}")`);
      continue;
    }
    if (option.repeat) {
      const list = options[name];
      options[name] = Array.isArray(list) ? [...list, value] : [value];
    } else if (options[name] !== undefined) {
      errors.push(`--${name} given more than once`);
    } else {
      options[name] = value;
    }
  }
  return { options, positionals, errors };
}

/** The value of a single-valued option, or undefined. */
export function optionString(args: ParsedArgs, name: string): string | undefined {
  const v = args.options[name];
  return typeof v === 'string' ? v : undefined;
}
