import { expect } from 'chai';
import type { TestService } from './test-service.js';

/** One sample line of a Prometheus text exposition: `name{label="value",...} 12`. */
export interface Sample {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly value: number;
}

/** GET /metrics (with the bearer token, if given), checked to be a 200 Prometheus text answer. */
export async function scrape(t: TestService, token?: string): Promise<string> {
  const request = t.http().get('/metrics');
  const res = await (token ? request.set('Authorization', `Bearer ${token}`) : request);
  expect(res.status, res.text).to.equal(200);
  expect(res.headers['content-type']).to.match(/^text\/plain; version=0\.0\.4; charset=utf-8$/);
  return res.text;
}

export function samplesOf(text: string): Sample[] {
  return text
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
      if (!match) throw new Error(`not a Prometheus sample line: ${line}`);
      const labels = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1]!, m[2]!]));
      return { name: match[1]!, labels, value: Number(match[3]) };
    });
}

/** The value of the one sample with this name and (at least) these labels; undefined when absent. */
export function valueOf(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  const found = samplesOf(text).filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v));
  expect(found.length, `samples of ${name} ${JSON.stringify(labels)}`).to.be.at.most(1);
  return found[0]?.value;
}
