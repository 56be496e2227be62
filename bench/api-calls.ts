/** Single calls to the service, to set a run up (not measured). */

export interface TokenPair {
  readonly access_token: string;
  readonly refresh_token: string;
}

async function post(url: string, body: object, expected: number): Promise<Response> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (response.status !== expected) throw new Error(`POST ${url}: ${response.status} ${await response.text()}`);
  return response;
}

export async function register(base: string, email: string, password: string): Promise<void> {
  await (await post(`${base}/auth/register`, { email, password }, 201)).arrayBuffer();
}

export async function login(base: string, email: string, password: string): Promise<TokenPair> {
  return (await (await post(`${base}/auth/login`, { email, password }, 200)).json()) as TokenPair;
}

/** The body /users/me answers: the bare Koa baseline answers the very same. */
export async function currentUser(base: string, accessToken: string): Promise<string> {
  const response = await fetch(`${base}/users/me`, { headers: { authorization: `Bearer ${accessToken}` } });
  if (response.status !== 200) throw new Error(`GET /users/me: ${response.status}`);
  return response.text();
}
