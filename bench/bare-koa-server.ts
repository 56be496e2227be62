import Koa from 'koa';

/**
 * The baseline of `GET /users/me`: a bare Koa 3 app that answers the same JSON, with no
 * authentication, database, logging or headers of its own. Run as its own process by
 * run-bench.ts (PORT, BODY in the environment), so that it meets the same conditions.
 */
const body: unknown = JSON.parse(process.env.BODY ?? '{}');
const app = new Koa();
app.use((ctx) => {
  if (ctx.method === 'GET' && ctx.path === '/users/me') ctx.body = body;
});
app.listen(Number(process.env.PORT), '127.0.0.1');
process.on('SIGTERM', () => process.exit(0));
