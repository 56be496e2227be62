import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';

/** What the figures came from: they mean little without it. */
export function describeMachine(): string {
  const cpu = readFileSync('/proc/cpuinfo', 'utf8').match(/^model name\s*:\s*(.+)$/m)?.[1] ?? 'unknown CPU';
  const memGiB = Number(readFileSync('/proc/meminfo', 'utf8').match(/^MemTotal:\s*(\d+)/m)?.[1] ?? 0) / 1024 ** 2;
  return `${availableParallelism()} cores (nproc), ${cpu}, ${memGiB.toFixed(0)} GiB, Node ${process.version}, ${process.platform} ${process.arch}`;
}
