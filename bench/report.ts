import { percentileMs, perSecond, serverCpuUsPerAnswer, type Figure } from './figure.js';

const ms = (value: number) => (value < 10 ? value.toFixed(2) : value.toFixed(0)).padStart(6);

function cpu(figure: Figure, per: string): string {
  const us = serverCpuUsPerAnswer(figure);
  if (Number.isNaN(us)) return '';
  return `  server CPU ${us < 10_000 ? us.toFixed(0) : `${(us / 1000).toFixed(0)}k`} µs/${per}`;
}

// Units of figures that are no answers to requests (bcrypt calls, a server's commits): no non-2xx to show.
const NOT_ANSWERS = ['ops/s', 'commits/s'];

/**
 * One line per figure: throughput, latencies, and whatever was not a 2xx answer; server CPU
 * per unit of the figure (`req/s`: per request, `logins/s`: per whole login).
 */
export function figureLine(label: string, figure: Figure, unit = 'req/s'): string {
  const statuses = Object.entries(figure.statuses).map(([status, n]) => `${status}x${n}`).join(' ');
  const refused = statuses ? ` (${statuses})` : '';
  const answers = !NOT_ANSWERS.includes(unit) ? `  non-2xx ${figure.non2xx}${refused}  errors ${figure.errors}` : `  (${figure.count} calls)`;
  return `${label.padEnd(46)} ${perSecond(figure).toFixed(1).padStart(9)} ${unit}  p50 ${ms(percentileMs(figure, 0.5))} ms  p99 ${ms(percentileMs(figure, 0.99))} ms${answers}${cpu(figure, unit.split('/')[0]!.replace(/(?<=n)s$/, ''))}`;
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
  const shown = target.unit === undefined ? target.value.toFixed(2) : target.value.toFixed(0);
  return `${met ? 'MET   ' : 'MISSED'} ${target.label.padEnd(54)} ${`${shown}${unit}`.padStart(9)}  (target ${target.atLeast ? '>=' : '<='} ${target.bound}${unit})`;
}
