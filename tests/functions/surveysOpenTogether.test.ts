/**
 * Two offices sending the same round at the same moment (one opens it, the other presses 发布 again
 * or completes it after a failure): every group of every pairing still has exactly one entry, one
 * ballot box. The entries' ids are fixed for round, pairing and group, so a second write collides
 * instead of making a second box that would split the answers.
 */
import { createHash } from 'node:crypto';
import { wxServerSdk } from '../../localcloud/sdk';
import { entryToken } from '../../server/actions/surveys/ballotKeys';
import { chinaInstant } from '../../src/domain/time/chinaTime';
import { meanwhile } from '../support/meanwhile';
import { useTestCloudAt } from '../support/testCloud';

const cloud = useTestCloudAt(chinaInstant(2026, 6, 20, 10));

const OFFICE = 'demo-zhoutao';

async function entriesOf(roundId: string): Promise<Array<{ _id: string; pairingId: string; group: string }>> {
  const found = (await wxServerSdk().database().collection('surveyEntries').where({ roundId }).field({ _id: true, pairingId: true, group: true }).limit(1000).get()) as unknown as { data: Array<{ _id: string; pairingId: string; group: string }> };
  return found.data;
}

const openRound = (roundId: string) => cloud().call(OFFICE, 'surveys.open', { roundId, formVersion: 1 });

/** Two offices send the round: the second's whole call runs just before the first's entries reach the database. */
async function openTwiceAtOnce(roundId: string) {
  let second: Awaited<ReturnType<typeof openRound>> | undefined;
  const { result: first, happened } = await meanwhile(
    cloud().cloud.db,
    'database.insertDocument',
    async () => {
      second = await openRound(roundId);
    },
    () => openRound(roundId),
  );
  expect(happened).toBe(true);
  return { first, second: second! };
}

function oneBoxEach(entries: ReadonlyArray<{ pairingId: string; group: string }>, pairings: number): void {
  expect(entries).toHaveLength(3 * pairings);
  expect(new Set(entries.map((entry) => `${entry.pairingId}|${entry.group}`)).size).toBe(3 * pairings);
}

describe('surveys.open by two offices at once', () => {
  let roundId: string;
  let pairings: number;

  it('one opens the round while the other sends it again before the entries are written: one entry a group', async () => {
    const created = await cloud().call(OFFICE, 'surveys.create', { period: 'yearEnd', year: 2026, endDate: '2026-07-31' });
    if (!created.ok) throw new Error(created.error.message);
    roundId = created.data.round.id;
    const { first, second } = await openTwiceAtOnce(roundId);
    expect(second).toMatchObject({ ok: true, data: { round: { phase: 'open' } } });
    expect(first).toMatchObject({ ok: true, data: { round: { phase: 'open' } } });
    pairings = first.ok ? first.data.round.pairingCount : 0;
    expect(pairings).toBe(30);
    oneBoxEach(await entriesOf(roundId), pairings);
    // Both answers show every pairing of the round.
    for (const answer of [first, second]) expect(answer.ok && answer.data.page.total).toBe(pairings);
  });

  it('a round left half-sent is completed by two offices at once: the missing entries are written once, the others kept', async () => {
    const before = await entriesOf(roundId);
    const lost = before.slice(0, 12);
    const db = wxServerSdk().database();
    await db.collection('surveyEntries').where({ _id: db.command.in(lost.map((entry) => entry._id)) }).remove();
    expect(await entriesOf(roundId)).toHaveLength(before.length - lost.length);

    const { first, second } = await openTwiceAtOnce(roundId);
    expect(first).toMatchObject({ ok: true });
    expect(second).toMatchObject({ ok: true });
    const after = await entriesOf(roundId);
    oneBoxEach(after, pairings);
    // The links already handed out still work: the entries that were there keep their ids, and the
    // rewritten ones got the same ids as before.
    expect(new Set(after.map((entry) => entry._id))).toEqual(new Set(before.map((entry) => entry._id)));
  });
});

describe('entry ids (the links’ tokens)', () => {
  it('are keyed by the survey secret: another secret gives other ids, and no plain hash of round, pairing and group gives them', () => {
    const saved = process.env.GJ_SURVEY_SECRET;
    try {
      process.env.GJ_SURVEY_SECRET = 'a'.repeat(40);
      const first = entryToken('round-1', 'pairing-1', 'employees');
      expect(first).toMatch(/^[A-Za-z0-9_-]{22}$/);
      expect(entryToken('round-1', 'pairing-1', 'employees')).toBe(first);
      expect(new Set([first, entryToken('round-1', 'pairing-1', 'owner'), entryToken('round-1', 'pairing-2', 'employees'), entryToken('round-2', 'pairing-1', 'employees')]).size).toBe(4);
      const unkeyed = ['round-1|pairing-1|employees', 'entry\nround-1|pairing-1|employees'].map((text) => createHash('sha256').update(text).digest().subarray(0, 16).toString('base64url'));
      expect(unkeyed).not.toContain(first);
      process.env.GJ_SURVEY_SECRET = 'b'.repeat(40);
      expect(entryToken('round-1', 'pairing-1', 'employees')).not.toBe(first);
    } finally {
      if (saved === undefined) delete process.env.GJ_SURVEY_SECRET;
      else process.env.GJ_SURVEY_SECRET = saved;
    }
  });
});
