/**
 * The evaluation points (评议) are kept where a round's results become final — when an office closes
 * it, or by the job for a round that closed at its end time — so reading points never writes.
 */
import { chinaInstant } from '../../src/domain/time/chinaTime';
import { wxServerSdk } from '../../localcloud/sdk';
import { Collection } from '../../server/db/collection';
import { syncPointsLedger } from '../../server/actions/points/ledgerJob';
import { writeMissingEvaluationCaches } from '../../server/services/points/evaluationCache';
import { moveTo } from '../support/clock';
import { dataOf, useTestCloudAt } from '../support/testCloud';

const WORKER = 'demo-chenjing'; // unit-002, whose pairing the seeded answers evaluate
const HEAD = 'demo-zhaojun';
const DISTRICT = 'demo-zhoutao';

async function pointsYearState(): Promise<string> {
  const documents = await new Collection<{ _id: string }>(wxServerSdk().database(), 'pointsYear').findEvery({}, { orderBy: [['_id', 'asc']] });
  return JSON.stringify(documents);
}

async function seededRoundId(): Promise<string> {
  const [round] = await new Collection<{ _id: string }>(wxServerSdk().database(), 'surveyRounds').find({ year: 2026 }, { limit: 1 });
  return round!._id;
}

const caches = async () => (await new Collection<{ _id: string; roundId: string }>(wxServerSdk().database(), 'pointsYear').find({ type: 'evaluationCache' })).map((cache) => cache.roundId);

describe('a round an office closes', () => {
  const cloud = useTestCloudAt(chinaInstant(2026, 11, 20, 10));

  it('has its points kept as it closes, and reading the points afterwards writes nothing', async () => {
    const t = cloud();
    const roundId = await seededRoundId();
    expect(await caches()).toEqual([]);
    dataOf(await t.call(DISTRICT, 'surveys.close', { roundId }));
    expect(await caches()).toEqual([roundId]);

    const before = await pointsYearState();
    const unit = dataOf(await t.call(WORKER, 'points.unit', {}));
    dataOf(await t.call(HEAD, 'points.selfAssessment', {}));
    expect(await pointsYearState()).toBe(before);
    const line = unit.lines.find((candidate) => candidate.source.type === 'evaluation')!;
    expect(line).toMatchObject({ source: { roundId } });
    expect(line.points).toBeGreaterThan(0);
  });

  it('closing again writes nothing', async () => {
    const t = cloud();
    const before = await pointsYearState();
    dataOf(await t.call(DISTRICT, 'surveys.close', { roundId: await seededRoundId() }));
    expect(await pointsYearState()).toBe(before);
  });
});

describe('a round that closes at its end time', () => {
  const cloud = useTestCloudAt(chinaInstant(2026, 11, 20, 10));

  it('gives its points to a reader without writing them; the job keeps them, with the same points', async () => {
    const t = cloud();
    const roundId = await seededRoundId();
    const pending = dataOf(await t.call(WORKER, 'points.unit', {}));
    expect(pending.pending.some((line) => line.state === 'evaluationOpen')).toBe(true);

    moveTo(chinaInstant(2026, 12, 20, 10)); // past the seeded round's end date
    const before = await pointsYearState();
    const read = dataOf(await t.call(WORKER, 'points.unit', {}));
    dataOf(await t.call(HEAD, 'points.selfAssessment', {}));
    expect(await pointsYearState()).toBe(before);
    expect(await caches()).toEqual([]);
    const line = read.lines.find((candidate) => candidate.source.type === 'evaluation')!;
    expect(line).toMatchObject({ source: { roundId } });
    expect(line.points).toBeGreaterThan(0);
    expect(read.pending.some((candidate) => candidate.state === 'evaluationOpen')).toBe(false);

    const written = await writeMissingEvaluationCaches(wxServerSdk().database(), 2026, new Date());
    expect(written.map((cache) => cache.roundId)).toEqual([roundId]);
    expect(await caches()).toEqual([roundId]);
    expect(dataOf(await t.call(WORKER, 'points.unit', {})).totals).toEqual(read.totals);
    expect(await writeMissingEvaluationCaches(wxServerSdk().database(), 2026, new Date())).toEqual([]);
  });

  it('the office table reads it without writing too, and the hourly points job is what keeps it', async () => {
    const t = cloud();
    moveTo(chinaInstant(2026, 12, 20, 11));
    const roundId = await seededRoundId();
    // Back to before any cache: the first test's job run wrote one.
    await wxServerSdk().database().collection('pointsYear').where({ type: 'evaluationCache' }).remove();
    const before = await pointsYearState();
    const table = dataOf(await t.call(DISTRICT, 'points.table', {}));
    expect(table.rows.length).toBeGreaterThan(0);
    expect(await pointsYearState()).toBe(before);
    expect(await caches()).toEqual([]);
    await syncPointsLedger({ db: wxServerSdk().database(), cloud: wxServerSdk(), now: new Date() });
    expect(await caches()).toEqual([roundId]);
    expect(dataOf(await t.call(DISTRICT, 'points.table', {})).rows).toEqual(table.rows);
  });
});
