// brakes 3.1 ships no types. This declares what the gateway uses, including the few
// internals it must reach (see circuit-breaker.ts for why each one).
declare module 'brakes' {
  import { EventEmitter } from 'node:events';

  interface BrakesOptions {
    readonly name?: string;
    readonly isPromise?: boolean;
    readonly timeout?: number;
    /** A SUCCESS ratio: the circuit opens when successes / calls drops below it. */
    readonly threshold?: number;
    /** The ratio is judged only once the window holds MORE calls than this. */
    readonly waitThreshold?: number;
    readonly circuitDuration?: number;
    readonly bucketSpan?: number;
    readonly bucketNum?: number;
    readonly registerGlobal?: boolean;
    readonly modifyError?: boolean;
  }

  interface WindowTotals {
    readonly total: number;
    readonly successful: number;
    readonly failed: number;
    readonly timedOut: number;
  }

  class Brakes extends EventEmitter {
    constructor(main: (...args: never[]) => PromiseLike<unknown>, options: BrakesOptions);
    exec(...args: unknown[]): PromiseLike<unknown>;
    isOpen(): boolean;
    /** Removes listeners only: the window's intervals keep running (see circuit-breaker.ts). */
    destroy(): void;
    _open(): void;
    readonly _stats: {
      readonly _totals: WindowTotals;
      stopSnapshots(): boolean;
      _stopBucketSpinning(): boolean;
    };
  }

  export = Brakes;
}

declare module 'brakes/lib/TimeOutError.js' {
  class TimeOutError extends Error {}
  export = TimeOutError;
}
