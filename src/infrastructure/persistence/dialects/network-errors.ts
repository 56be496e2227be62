// Node's net and DNS layer: the server cannot be reached, whatever its driver.
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', 'EAI_AGAIN']);

export function isNetworkFailure(code: string): boolean {
  return NETWORK_CODES.has(code);
}

/** TypeORM's own words for a DataSource that is closed or was never connected (they carry no code). */
export const TYPEORM_NOT_CONNECTED = /connection is not established|database connection is not open/i;
