import type { Clock } from '../../../src/application/ports/clock.js';

/** A clock that stands still until the test moves it. */
export class SettableClock implements Clock {
  constructor(private time: Date) {}

  now(): Date {
    return new Date(this.time.getTime());
  }

  advance(ms: number): void {
    this.time = new Date(this.time.getTime() + ms);
  }
}
