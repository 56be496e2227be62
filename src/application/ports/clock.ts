/** The time, through a port, so that use cases can be tested with a fixed clock. */
export interface Clock {
  now(): Date;
}
