import { setImmediate as nextTurn } from 'node:timers/promises';
import { expect } from 'chai';
import type { Statements } from '../../../src/infrastructure/persistence/statements.js';
import { unitOfWork } from '../../../src/infrastructure/persistence/unit-of-work.js';

// The storage is let go whenever no unit is open (Node 20's async hooks then stop): that must
// never cost a unit still open its statements.
describe('unitOfWork', () => {
  const db = {};
  const statementsNamed = (name: string) => ({ name }) as unknown as Statements;

  it('gives the store calls inside a unit its statements, through every await', async () => {
    const inside = statementsNamed('inside');
    const seen = await unitOfWork.within(db, inside, async () => (await nextTurn(), await Promise.resolve(), unitOfWork.joined(db)));
    expect(seen).to.equal(inside);
  });

  it("is another database's unit to nobody else", async () => {
    const seen = await unitOfWork.within(db, statementsNamed('mine'), async () => unitOfWork.joined({}));
    expect(seen).to.equal(undefined);
  });

  it("still gives one unit its statements after another unit has closed", async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const longer = statementsNamed('longer');
    const running = unitOfWork.within(db, longer, async () => (await held, await nextTurn(), unitOfWork.joined(db)));
    await unitOfWork.within(db, statementsNamed('shorter'), async () => nextTurn());
    await nextTurn();
    release();
    expect(await running).to.equal(longer);
  });

  it('joins nothing after every unit closed, a failed one too', async () => {
    await unitOfWork.within(db, statementsNamed('ended'), async () => nextTurn());
    await unitOfWork.within(db, statementsNamed('failed'), async () => Promise.reject(new Error('rolled back'))).catch(() => undefined);
    await nextTurn();
    expect(unitOfWork.joined(db)).to.equal(undefined);
    const later = statementsNamed('later');
    expect(await unitOfWork.within(db, later, async () => (await nextTurn(), unitOfWork.joined(db)))).to.equal(later);
  });
});
