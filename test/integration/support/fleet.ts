import supertest from 'supertest';
import { freePort, SpawnedService } from './spawned-service.js';
import { TEST_JWT_SECRET } from './test-service.js';

/** One instance of a fleet: a `node dist/src/main.js` process and its address. */
export interface FleetInstance {
  readonly name: string;
  readonly url: string;
  readonly process: SpawnedService;
  http(): ReturnType<typeof supertest>;
}

/**
 * Starts `names.length` instances of main.js at the same moment, all with `env` (one database,
 * one Redis, one signing secret: what a fleet shares), each on its own port; resolves once
 * every one has logged "listening". Every instance is killed if one fails to start.
 */
export async function startFleet(names: readonly string[], env: Record<string, string>): Promise<FleetInstance[]> {
  const ports = await Promise.all(names.map(() => freePort()));
  const instances = names.map((name, i): FleetInstance => {
    const url = `http://127.0.0.1:${ports[i]}`;
    const process = new SpawnedService({ JWT_SECRET: TEST_JWT_SECRET, BCRYPT_COST: '4', ...env, PORT: String(ports[i]) });
    return { name, url, process, http: () => supertest(url) };
  });
  try {
    await Promise.all(instances.map((instance) => instance.process.logLine('listening')));
  } catch (error) {
    stopFleet(instances);
    throw error;
  }
  return instances;
}

export function stopFleet(instances: readonly FleetInstance[] | undefined): void {
  for (const instance of instances ?? []) instance.process.kill();
}
