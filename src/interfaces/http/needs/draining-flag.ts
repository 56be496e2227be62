/** True once shutdown has begun: answers then carry `Connection: close`. */
export interface DrainingFlag {
  readonly draining: boolean;
}
