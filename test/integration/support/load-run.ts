import type { Response } from 'supertest';

/** One request of a load run, as the client saw it. */
export interface LoadAnswer {
  readonly index: number;
  /** performance.now() when it was sent. */
  readonly startedAt: number;
  readonly status: number;
  readonly ms: number;
  readonly contentType: string | undefined;
  readonly retryAfter: string | undefined;
  readonly body: Record<string, unknown>;
}

export interface LoadOptions {
  readonly total: number;
  readonly concurrency: number;
  /** Request number `index` (0-based). */
  send(index: number): Promise<Response>;
  /** Called after each answer with the number answered so far (cut or restore a dependency here). */
  onAnswer?(answered: number): Promise<void> | void;
}

/** Sends `total` requests, `concurrency` at a time, and returns every answer in order sent. */
export async function runLoad(options: LoadOptions): Promise<LoadAnswer[]> {
  const answers: LoadAnswer[] = [];
  let next = 0;
  const worker = async () => {
    while (next < options.total) {
      const index = next++;
      const started = performance.now();
      const res = await options.send(index);
      answers[index] = {
        index,
        startedAt: started,
        status: res.status,
        ms: Math.round(performance.now() - started),
        contentType: res.headers['content-type'],
        retryAfter: res.headers['retry-after'],
        body: res.body as Record<string, unknown>,
      };
      await options.onAnswer?.(answers.filter(Boolean).length);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  return answers;
}

/** How many answers had each status, e.g. { 201: 120, 503: 80 }. */
export function countByStatus(answers: readonly LoadAnswer[]): Record<number, number> {
  const counts: Record<number, number> = {};
  for (const answer of answers) counts[answer.status] = (counts[answer.status] ?? 0) + 1;
  return counts;
}

export const longestMs = (answers: readonly LoadAnswer[]): number => Math.max(0, ...answers.map((answer) => answer.ms));
