import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Where a frame's code lives: a package, a file of ours, or Node itself. */
function owner(url: string): string {
  if (url === '') return '(native/V8)';
  const pkg = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/)?.[1];
  if (pkg) return pkg;
  if (url.startsWith('node:')) return url;
  const ours = url.match(/dist\/(src\/.+)$/)?.[1];
  return ours ?? url;
}

/** Self plus callees' time of each function in dist/src (a recursive function counted once per stack). */
function inclusiveByFunction(nodes: ProfileNode[], byId: Map<number, ProfileNode>, selfUs: Map<number, number>): Map<string, number> {
  const totals = new Map<string, number>();
  const parent = new Map<number, number>();
  for (const node of nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  for (const [id, us] of selfUs) {
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const { functionName, url, lineNumber } = byId.get(at)!.callFrame;
      if (!url.includes('/dist/src/')) continue;
      const key = `${functionName || '(anonymous)'} ${owner(url)}:${lineNumber + 1}`;
      if (seen.has(key)) continue;
      seen.add(key);
      totals.set(key, (totals.get(key) ?? 0) + us);
    }
  }
  return totals;
}

/**
 * Self time of a `node --cpu-prof` profile, by function and by owner (package or file), as
 * shares of all samples: where a request's CPU goes.
 */
export function summarizeProfile(file: string, top = 25): string {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const total = [...selfUs.values()].reduce((a, b) => a + b, 0);
  const byFunction = new Map<string, number>();
  const byOwner = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    const key = `${functionName || '(anonymous)'} ${owner(url)}:${lineNumber + 1}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + us);
    byOwner.set(owner(url), (byOwner.get(owner(url)) ?? 0) + us);
  }
  const rows = (map: Map<string, number>) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([key, us]) => `${((100 * us) / total).toFixed(1).padStart(5)}%  ${key}`);
  const inclusive = inclusiveByFunction(profile.nodes, byId, selfUs);
  return [
    `${(total / 1e6).toFixed(1)} s sampled`,
    '-- self time by owner',
    ...rows(byOwner),
    '-- self time by function',
    ...rows(byFunction),
    "-- total time (self and callees) of the service's own functions",
    ...rows(inclusive),
  ].join('\n');
}
