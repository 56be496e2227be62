/** What one measured run yields: every answer's latency, and what was not a 2xx answer. */
export interface Figure {
  /** Answers (or completed bcrypt calls) inside the window. */
  readonly count: number;
  readonly seconds: number;
  /** Every answer's latency, sorted. */
  readonly latenciesMs: readonly number[];
  readonly non2xx: number;
  /** Connection errors and timeouts. */
  readonly errors: number;
  /** The non-2xx statuses seen, and how often. */
  readonly statuses: Readonly<Record<string, number>>;
  /** CPU time (user + system, all threads) the server's process spent; NaN when not measured. */
  readonly serverCpuSeconds: number;
}

export const perSecond = (figure: Figure) => figure.count / figure.seconds;
export const serverCpuUsPerAnswer = (figure: Figure) => (figure.serverCpuSeconds / figure.count) * 1e6;

export function percentileMs(figure: Figure, q: number): number {
  const sorted = figure.latenciesMs;
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

/** The slices of one interleaved measurement, as one figure. */
export function merged(figures: readonly Figure[]): Figure {
  const statuses: Record<string, number> = {};
  for (const figure of figures) for (const [status, n] of Object.entries(figure.statuses)) statuses[status] = (statuses[status] ?? 0) + n;
  const sum = (pick: (figure: Figure) => number) => figures.reduce((total, figure) => total + pick(figure), 0);
  return {
    count: sum((f) => f.count),
    seconds: sum((f) => f.seconds),
    latenciesMs: figures.flatMap((f) => f.latenciesMs).sort((a, b) => a - b),
    non2xx: sum((f) => f.non2xx),
    errors: sum((f) => f.errors),
    statuses,
    serverCpuSeconds: sum((f) => f.serverCpuSeconds),
  };
}

/**
 * Runs each measurement in turn, `slices` times, `seconds / slices` each (A B A B), and merges
 * each one's slices: two figures to be divided then met the same share of whatever else the
 * machine was doing.
 */
export async function interleaved(seconds: number, slices: number, runs: readonly ((seconds: number) => Promise<Figure>)[]): Promise<Figure[]> {
  const parts: Figure[][] = runs.map(() => []);
  for (let slice = 0; slice < slices; slice += 1) {
    for (const [i, run] of runs.entries()) parts[i]!.push(await run(seconds / slices));
  }
  return parts.map(merged);
}
