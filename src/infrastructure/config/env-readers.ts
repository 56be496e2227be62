import { ConfigError } from './config-error.js';

export type Env = Readonly<Record<string, string | undefined>>;

const UNIT_MS = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** What a read declares about its variable: the material of docs/configuration.md. */
export interface VariableRead {
  readonly name: string;
  readonly kind: 'text' | 'integer' | 'number' | 'boolean' | 'duration' | 'url';
  /** The value used when the variable is unset; absent when there is none. */
  readonly fallback?: string;
  /** The accepted values, as a reader would write them. */
  readonly accepts?: string;
}

/**
 * Reads typed values from the environment, each refusing a bad value with its name. Each read
 * also tells `onRead` what it accepts, so that the reference page is generated from the very
 * calls that enforce it (scripts/generate-config-docs.ts) and cannot drift from them.
 */
export class EnvReader {
  constructor(
    private readonly env: Env,
    private readonly onRead: (read: VariableRead) => void = () => undefined,
  ) {}

  raw(name: string): string | undefined {
    this.onRead({ name, kind: 'text' });
    return this.value(name);
  }

  string(name: string, fallback: string): string {
    this.onRead({ name, kind: 'text', fallback });
    return this.value(name) ?? fallback;
  }

  integer(name: string, fallback: number, min: number, max: number): number {
    this.onRead({ name, kind: 'integer', fallback: String(fallback), accepts: `${min} to ${max}` });
    const value = this.value(name);
    if (value === undefined) return fallback;
    if (!/^-?\d+$/.test(value)) throw new ConfigError(name, `"${value}" is not a whole number`);
    return inRange(name, Number(value), min, max);
  }

  number(name: string, fallback: number, min: number, max: number): number {
    this.onRead({ name, kind: 'number', fallback: String(fallback), accepts: `${min} to ${max}` });
    const value = this.value(name);
    if (value === undefined) return fallback;
    if (!/^-?\d+(\.\d+)?$/.test(value)) throw new ConfigError(name, `"${value}" is not a number`);
    return inRange(name, Number(value), min, max);
  }

  boolean(name: string, fallback: boolean): boolean {
    this.onRead({ name, kind: 'boolean', fallback: String(fallback), accepts: 'true, false, 1, 0' });
    const value = this.value(name)?.toLowerCase();
    if (value === undefined) return fallback;
    if (value === 'true' || value === '1') return true;
    if (value === 'false' || value === '0') return false;
    throw new ConfigError(name, `"${value}" is not true or false`);
  }

  /** A whole number with a unit (ms, s, m, h, d), in milliseconds. */
  durationMs(name: string, fallback: string, minMs: number, maxMs: number): number {
    this.onRead({ name, kind: 'duration', fallback, accepts: `${formatMs(minMs)} to ${formatMs(maxMs)}` });
    const value = this.value(name) ?? fallback;
    if (value === '0') return inRange(name, 0, minMs, maxMs); // zero needs no unit
    const match = /^(\d+)(ms|s|m|h|d)$/.exec(value);
    if (!match) throw new ConfigError(name, `"${value}" is not a duration such as 500ms, 15m or 14d`);
    return inRange(name, Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS], minMs, maxMs);
  }

  url(name: string, fallback: string | undefined, protocols: readonly string[]): URL | undefined {
    this.onRead({ name, kind: 'url', ...(fallback === undefined ? {} : { fallback }), accepts: protocols.map((p) => `${p}//`).join(' ') });
    const value = this.value(name) ?? fallback;
    if (value === undefined) return undefined;
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      throw new ConfigError(name, `"${value}" is not a URL`);
    }
    if (!protocols.includes(url.protocol)) {
      throw new ConfigError(name, `the scheme must be one of ${protocols.join(', ')}`);
    }
    return url;
  }

  private value(name: string): string | undefined {
    const value = this.env[name];
    return value === undefined || value.trim() === '' ? undefined : value.trim();
  }
}

/** 90000 → "90s", 86400000 → "1d": the largest unit that divides the value. */
function formatMs(ms: number): string {
  if (ms === 0) return '0';
  for (const [unit, size] of Object.entries(UNIT_MS).reverse()) {
    if (ms % size === 0) return `${ms / size}${unit}`;
  }
  return `${ms}ms`;
}

function inRange(name: string, value: number, min: number, max: number): number {
  if (value < min || value > max) throw new ConfigError(name, `${value} is outside ${min} to ${max}`);
  return value;
}
