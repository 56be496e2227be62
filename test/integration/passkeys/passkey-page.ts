import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * The front end's part of a passkey ceremony with nothing but the browser's own WebAuthn Level 3
 * API: PublicKeyCredential.parseCreationOptionsFromJSON / parseRequestOptionsFromJSON in, and
 * credential.toJSON() out (docs/passkeys.md shows the same code).
 */
const SCRIPT = `
window.addPasskey = async (api, accessToken, currentPassword, name) => {
  const auth = { 'Content-Type': 'application/json', Authorization: 'Bearer ' + accessToken };
  const options = await fetch(api + '/users/me/passkeys/options', { method: 'POST', headers: auth, body: JSON.stringify({ currentPassword }) }).then((r) => r.json());
  const credential = await navigator.credentials.create({ publicKey: PublicKeyCredential.parseCreationOptionsFromJSON(options) });
  const res = await fetch(api + '/users/me/passkeys', { method: 'POST', headers: auth, body: JSON.stringify({ name, response: credential.toJSON() }) });
  return { status: res.status, body: await res.json() };
};

window.signInWithPasskey = async (api) => {
  const json = { 'Content-Type': 'application/json' };
  const options = await fetch(api + '/auth/passkey/options', { method: 'POST', headers: json, body: '{}' }).then((r) => r.json());
  const credential = await navigator.credentials.get({ publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(options) });
  const res = await fetch(api + '/auth/passkey/login', { method: 'POST', headers: json, body: JSON.stringify({ response: credential.toJSON() }) });
  return { status: res.status, body: await res.json() };
};
`;

const PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>passkeys</title><script>${SCRIPT}</script></head><body>passkey test page</body></html>`;

/** A tiny static server on localhost (a secure context, RP ID "localhost") serving the page above. */
export async function servePasskeyPage(): Promise<{ origin: string; close(): Promise<void> }> {
  const server: Server = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(PAGE);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://localhost:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
