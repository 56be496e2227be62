import type { ValueTransformer } from 'typeorm';

/** BIGINT epoch milliseconds <-> Date for TypeORM writes; mysql2 and pg hand BIGINT back as a string (raw reads go through row-values.ts). */
export const epochMs: ValueTransformer = {
  to: (value: Date | null | undefined) => (value == null ? value : value.getTime()),
  from: (value: string | number | null) => (value == null ? null : new Date(Number(value))),
};
