import { loadConfig } from './config.js';
import type { Env, VariableRead } from './env-readers.js';
import { VARIABLE_SECTIONS, type VariableDescription } from './variable-descriptions.js';

// Some variables are read only on one branch (DATABASE_POOL_SIZE with a server URL): load the
// configuration once per branch and take every variable any of them read.
const PROBES: readonly Env[] = [{}, { DATABASE_URL: 'mysql://user@127.0.0.1:3306/auth' }, { DATABASE_URL: 'postgres://user@127.0.0.1:5432/auth' }];

/** Every variable config.ts reads, with what its reads declare, first read first. */
export function readVariables(): Map<string, VariableRead> {
  const reads = new Map<string, VariableRead>();
  for (const env of PROBES) {
    loadConfig(env, (read) => {
      const known = reads.get(read.name);
      // DATABASE_URL is read as text (is it sqlite:?), then as a URL: the first read has the default.
      reads.set(read.name, known ? { ...read, ...known, accepts: known.accepts ?? read.accepts } : read);
    });
  }
  return reads;
}

/** docs/configuration.md, generated (npm run docs:config); a test fails when the page is stale. */
export function configurationReference(): string {
  const reads = readVariables();
  const lines = [
    '# Configuration',
    '',
    '<!-- Generated from src/infrastructure/config/ by `npm run docs:config`: do not edit by hand. -->',
    '',
    'Every setting is an environment variable, read once at start. A value that does not parse,',
    'or is out of range, stops the service with one line naming the variable and exit code 78',
    '(`EX_CONFIG`). Durations are a whole number with a unit: `ms`, `s`, `m`, `h` or `d`',
    '(`500ms`, `15m`, `14d`). An empty value counts as unset.',
  ];
  for (const section of VARIABLE_SECTIONS) {
    lines.push('', `## ${section.title}`, '', '| variable | default | accepts | meaning |', '|---|---|---|---|');
    for (const [name, description] of Object.entries(section.variables)) {
      lines.push(row(name, reads.get(name), description));
    }
  }
  return `${lines.join('\n')}\n`;
}

function row(name: string, read: VariableRead | undefined, description: VariableDescription): string {
  const fallback = description.fallback ?? (read?.fallback === undefined ? 'none' : `\`${read.fallback}\``);
  const accepts = description.accepts ?? read?.accepts ?? (read?.kind === 'text' ? 'text' : '');
  return `| \`${name}\` | ${fallback} | ${escapeCell(accepts)} | ${escapeCell(description.meaning)} |`;
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|');
}
