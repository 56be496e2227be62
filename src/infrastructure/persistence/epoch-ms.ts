import type { ValueTransformer } from 'typeorm';

/** BIGINT epoch milliseconds <-> Date; mysql2 hands BIGINT back as a string. */
export const epochMs: ValueTransformer = {
  to: (value: Date | null | undefined) => (value == null ? value : value.getTime()),
  from: (value: string | number | null) => (value == null ? null : new Date(Number(value))),
};
