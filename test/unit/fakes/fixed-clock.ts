import type { Clock } from '../../../src/application/ports/clock.js';

export class FixedClock implements Clock {
  constructor(private readonly time: Date) {}

  now(): Date {
    // A copy, so that no caller can move the clock by mutating what it was given.
    return new Date(this.time.getTime());
  }
}
