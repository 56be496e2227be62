import { expect } from 'chai';
import { expectNoLeak, JSON_UTF8 } from './support/problems.js';
import { databaseKind } from './support/test-database.js';
import { startTestService, type TestService } from './support/test-service.js';

describe(`GET /health/ready (${databaseKind()})`, () => {
  describe('with the database up', () => {
    let t: TestService;
    before(async () => {
      t = await startTestService();
    });
    after(async () => {
      await t?.stop();
    });

    it('answers 200 {status: "ok"} with the database check passing, never cached', async () => {
      const res = await t.http().get('/health/ready');
      expect(res.status).to.equal(200);
      expect(res.headers['content-type']).to.equal(JSON_UTF8);
      expect(res.headers['cache-control']).to.equal('no-store');
      expect(res.body.status).to.equal('ok');
      expect(res.body.checks.database).to.include({ status: 'ok', kind: databaseKind() });
      expect(res.body.checks.database.latencyMs).to.be.a('number');
      expect(res.body.checks.lifecycle).to.deep.equal({ status: 'ok' });
    });
  });

  describe('with the database gone', () => {
    let t: TestService;
    before(async () => {
      t = await startTestService();
      await t.service.dataSource.destroy();
    });
    after(async () => {
      await t?.stop();
    });

    it('answers 503 with the same shape, naming the database check as down', async () => {
      const res = await t.http().get('/health/ready');
      expect(res.status).to.equal(503);
      expect(res.headers['content-type']).to.equal(JSON_UTF8);
      expect(res.body).to.deep.equal({
        status: 'down',
        checks: { database: { status: 'down', reason: 'error' }, lifecycle: { status: 'ok' }, mail: { status: 'down', reason: 'error' } },
      });
      expectNoLeak(res.text);
    });

    it('logs the failing check once, at warn, with the error', async () => {
      await t.http().get('/health/ready').expect(503);
      await t.http().get('/health/ready').expect(503);
      const lines = t.logs.entries.filter((entry) => entry.msg === 'readiness check failing' && entry.check === 'database');
      expect(lines).to.have.length(1);
      expect(lines[0]).to.include({ level: 40, check: 'database' });
      expect(lines[0]!.err).to.be.an('object');
    });

    it('still answers /health/live 200: the process runs', async () => {
      await t.http().get('/health/live').expect(200, { status: 'ok' });
    });
  });

  describe('while shutting down', () => {
    let t: TestService;
    before(async () => {
      t = await startTestService();
      t.service.lifecycle.beginDraining();
    });
    after(async () => {
      await t?.stop();
    });

    it('answers 503 with the lifecycle check down, reason "draining"', async () => {
      const res = await t.http().get('/health/ready');
      expect(res.status).to.equal(503);
      expect(res.body.status).to.equal('down');
      expect(res.body.checks.lifecycle).to.deep.equal({ status: 'down', reason: 'draining' });
      expect(res.body.checks.database.status).to.equal('ok');
    });

    it('tells every client to close its connection, so that none reuses a socket about to close', async () => {
      const res = await t.http().get('/health/live').set('Connection', 'keep-alive').expect(200);
      expect(res.headers.connection).to.equal('close');
    });
  });
});
