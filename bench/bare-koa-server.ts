import Koa from 'koa';

/**
 * The baseline of `GET /users/me`: a bare Koa 3 app that answers the same JSON, with no
 * authentication, database, logging or headers of its own. Run as its own process by
 * run-bench.ts (PORT, BODY in the environment), so that it meets the same conditions.
 * ANSWER_AFTER_TURN=1 makes it answer one setImmediate later, where the service answers a
 * GET since its bearer reads wait for their turn's others (ReadsOfOneTurn): the control that
 * shows what answering a turn's requests together does by itself, with no work saved.
 */
const body: unknown = JSON.parse(process.env.BODY ?? '{}');
const answer = (ctx: Koa.Context) => {
  if (ctx.method === 'GET' && ctx.path === '/users/me') ctx.body = body;
};
const app = new Koa();
// The baseline stays the synchronous middleware it always was: no promise of its own.
if (process.env.ANSWER_AFTER_TURN === '1') {
  app.use(async (ctx) => {
    await new Promise((resolve) => setImmediate(resolve));
    answer(ctx);
  });
} else app.use(answer);
app.listen(Number(process.env.PORT), '127.0.0.1');
process.on('SIGTERM', () => process.exit(0));
