import { ConfigError } from './config-error.js';

export type Env = Readonly<Record<string, string | undefined>>;

const UNIT_MS = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** Reads typed values from the environment, each refusing a bad value with its name. */
export class EnvReader {
  constructor(private readonly env: Env) {}

  raw(name: string): string | undefined {
    const value = this.env[name];
    return value === undefined || value.trim() === '' ? undefined : value.trim();
  }

  string(name: string, fallback: string): string {
    return this.raw(name) ?? fallback;
  }

  integer(name: string, fallback: number, min: number, max: number): number {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    if (!/^-?\d+$/.test(value)) throw new ConfigError(name, `"${value}" is not a whole number`);
    return inRange(name, Number(value), min, max);
  }

  number(name: string, fallback: number, min: number, max: number): number {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    if (!/^-?\d+(\.\d+)?$/.test(value)) throw new ConfigError(name, `"${value}" is not a number`);
    return inRange(name, Number(value), min, max);
  }

  boolean(name: string, fallback: boolean): boolean {
    const value = this.raw(name)?.toLowerCase();
    if (value === undefined) return fallback;
    if (value === 'true' || value === '1') return true;
    if (value === 'false' || value === '0') return false;
    throw new ConfigError(name, `"${value}" is not true or false`);
  }

  /** A whole number with a unit (ms, s, m, h, d), in milliseconds. */
  durationMs(name: string, fallback: string, minMs: number, maxMs: number): number {
    const value = this.raw(name) ?? fallback;
    if (value === '0') return inRange(name, 0, minMs, maxMs); // zero needs no unit
    const match = /^(\d+)(ms|s|m|h|d)$/.exec(value);
    if (!match) throw new ConfigError(name, `"${value}" is not a duration such as 500ms, 15m or 14d`);
    return inRange(name, Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS], minMs, maxMs);
  }

  url(name: string, fallback: string | undefined, protocols: readonly string[]): URL | undefined {
    const value = this.raw(name) ?? fallback;
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
}

function inRange(name: string, value: number, min: number, max: number): number {
  if (value < min || value > max) throw new ConfigError(name, `${value} is outside ${min} to ${max}`);
  return value;
}
