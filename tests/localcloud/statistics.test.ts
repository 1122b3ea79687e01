import path from 'node:path';
import Database from 'better-sqlite3';
import { LocalDatabase, type IndexSpec } from '../../localcloud/db';
import { fieldExpr } from '../../localcloud/db/indexes';
import { attach, spec, tempDir, type Harness } from './helpers';

/** The two indexes of the records that compete for `state IN (…) AND year = ?`. */
const INDEXES: IndexSpec[] = [
  { name: 'state_submitted', fields: [{ path: 'state', kind: 'string' }, { path: 'submittedAt', kind: 'date' }] },
  { name: 'year_date', fields: [{ path: 'year', kind: 'number' }, { path: 'date', kind: 'string' }] },
];

const state = fieldExpr('state', 'string');
const year = fieldExpr('year', 'number');

function plan(file: string, table: string): string {
  const reader = new Database(file, { readonly: true });
  try {
    const rows = reader.prepare(`EXPLAIN QUERY PLAN SELECT _id FROM "${table}" WHERE (${state} IN (?, ?, ?)) AND (${year} = ?)`).all('submitted', 'disputed', 'revised', 2026) as Array<{ detail: string }>;
    return rows.map((row) => row.detail).join(' | ');
  } finally {
    reader.close();
  }
}

function statisticsOf(file: string, table: string): number {
  const reader = new Database(file, { readonly: true });
  try {
    const hasStat = reader.prepare("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'").get() !== undefined;
    return hasStat ? (reader.prepare('SELECT count(*) AS n FROM sqlite_stat1 WHERE tbl = ?').get(table) as { n: number }).n : 0;
  } finally {
    reader.close();
  }
}

describe("the planner's statistics", () => {
  let h: Harness;
  let file: string;

  beforeAll(async () => {
    file = path.join(tempDir(), 'db.sqlite');
    h = attach(new LocalDatabase({ file }));
    h.local.ensureCollection(spec('records', INDEXES));
    h.local.ensureCollection({ ...spec('answers', INDEXES), unlinkable: true });
    // A year of records: every one of 2026, a few still waiting.
    for (let batch = 0; batch < 3; batch += 1) {
      const docs = Array.from({ length: 1000 }, (_unused, i) => ({ _id: `r${batch}-${i}`, year: 2026, date: '2026-03-01', state: i % 100 === 0 ? 'submitted' : 'confirmed', submittedAt: new Date(Date.UTC(2026, 2, 1)) }));
      await h.db.collection('records').add({ data: docs });
      await h.db.collection('answers').add({ data: docs });
    }
  });
  afterAll(() => h.close());

  it('are gathered once a collection has grown, so `state IN (…) AND year = ?` reads the few waiting records, not the whole year', () => {
    expect(statisticsOf(file, 'c_records')).toBeGreaterThan(0);
    expect(plan(file, 'c_records')).toContain('state_submitted');
    expect(plan(file, 'c_records')).not.toContain('year_date');
  });

  it('are never gathered for an unlinkable collection (STAT4 would keep sampled keys of its rows)', () => {
    expect(statisticsOf(file, 'c_answers')).toBe(0);
  });

  it('change no answer', async () => {
    const _ = h._;
    const found = await h.db.collection('records').where({ state: _.in(['submitted', 'disputed', 'revised']), year: 2026 }).limit(1000).get();
    expect(found.data.map((doc: { _id: string }) => doc._id).sort()).toEqual(Array.from({ length: 30 }, (_unused, k) => `r${Math.floor(k / 10)}-${(k % 10) * 100}`).sort());
  });
});
