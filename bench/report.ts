import type { Figure } from './load.js';

export interface Ceiling {
  readonly operation: string;
  readonly calls: number;
  readonly perSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
}

const ms = (value: number) => (value < 10 ? value.toFixed(2) : value.toFixed(0)).padStart(6);

const cpu = (us: number) => (Number.isNaN(us) ? '' : `  server CPU ${us < 1000 ? us.toFixed(0) : (us / 1000).toFixed(1) + 'k'} µs/req`);

/** One line per figure: throughput, latencies, and whatever was not a 2xx answer. */
export function figureLine(label: string, figure: Figure): string {
  const refused = figure.otherStatuses ? ` (${figure.otherStatuses})` : '';
  return `${label.padEnd(44)} ${figure.rps.toFixed(1).padStart(9)} req/s  p50 ${ms(figure.p50Ms)} ms  p99 ${ms(figure.p99Ms)} ms  non-2xx ${figure.non2xx}${refused}  errors ${figure.errors}${cpu(figure.serverCpuUs)}`;
}

export function ceilingLine(label: string, ceiling: Ceiling): string {
  return `${label.padEnd(44)} ${ceiling.perSecond.toFixed(1).padStart(9)} ops/s  p50 ${ms(ceiling.p50Ms)} ms  p99 ${ms(ceiling.p99Ms)} ms  (${ceiling.calls} calls)`;
}

export interface Target {
  readonly label: string;
  readonly value: number;
  readonly unit?: string;
  readonly bound: number;
  readonly atLeast: boolean;
}

export function targetLine(target: Target): string {
  const met = target.atLeast ? target.value >= target.bound : target.value <= target.bound;
  const unit = target.unit ?? '';
  const shown = target.unit ? target.value.toFixed(target.value < 10 ? 2 : 0) : target.value.toFixed(2);
  return `${met ? 'MET   ' : 'MISSED'} ${target.label.padEnd(52)} ${`${shown}${unit}`.padStart(9)}  (target ${target.atLeast ? '>=' : '<='} ${target.bound}${unit})`;
}
