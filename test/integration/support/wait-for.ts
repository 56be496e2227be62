const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Polls `probe` every `everyMs` until it gives something other than undefined, null or
 * false, and returns that; fails, naming `what`, once `limitMs` has passed. For outcomes that
 * arrive in the background (a mail delivered by the outbox), so that no test sleeps a fixed time.
 */
export async function waitFor<T>(what: string, probe: () => T | undefined | null | false | Promise<T | undefined | null | false>, limitMs = 10_000, everyMs = 25): Promise<T> {
  const deadline = Date.now() + limitMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== null && value !== false) return value;
    if (Date.now() >= deadline) throw new Error(`waited ${limitMs} ms for ${what}, in vain`);
    await sleep(everyMs);
  }
}
