/**
 * Which collections keep no order and no history is said by their spec (`unlinkable`), not guessed
 * from their name: a declaration is the one place a new anonymous collection is marked.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { LocalDatabase } from '../../localcloud/db';
import { attach, spec, tempDir } from './helpers';

const ROWS = 40;

function rowids(file: string, table: string): number[] {
  const reader = new Database(file, { readonly: true });
  try {
    return (reader.prepare(`SELECT rowid AS rowid FROM "${table}" ORDER BY rowid`).all() as Array<{ rowid: number }>).map((row) => row.rowid);
  } finally {
    reader.close();
  }
}

function walBytes(file: string): number {
  try {
    return statSync(`${file}-wal`).size;
  } catch {
    return 0;
  }
}

/** Rowids 1, 2, 3, … are arrival order. */
function inArrivalOrder(ids: number[]): boolean {
  return ids.every((id, position) => id === position + 1);
}

async function addOneByOne(db: { collection(name: string): { add(arg: { data: object }): Promise<unknown> } }, name: string): Promise<void> {
  for (let i = 0; i < ROWS; i += 1) await db.collection(name).add({ data: { n: i } });
}

describe('unlinkable collections, chosen by their spec', () => {
  it('a collection declared unlinkable, whatever its name, gets random rowids and leaves nothing in the WAL', async () => {
    const file = path.join(tempDir(), 'db.sqlite');
    const h = attach(new LocalDatabase({ file }));
    try {
      h.local.ensureCollection({ ...spec('tallies'), unlinkable: true });
      h.local.ensureCollection(spec('notes'));
      await addOneByOne(h.db, 'tallies');
      expect(walBytes(file)).toBe(0);
      await addOneByOne(h.db, 'notes');
      expect(walBytes(file)).toBeGreaterThan(0);
      const tallies = rowids(file, 'c_tallies');
      expect(tallies).toHaveLength(ROWS);
      expect(inArrivalOrder(tallies)).toBe(false);
      for (const id of tallies) expect(id).toBeGreaterThan(2 ** 24);
      expect(inArrivalOrder(rowids(file, 'c_notes'))).toBe(true);
    } finally {
      h.close();
    }
  });

  it('a name that starts with "survey" alone does not make a collection unlinkable', async () => {
    const file = path.join(tempDir(), 'db.sqlite');
    const h = attach(new LocalDatabase({ file }));
    try {
      h.local.ensureCollection(spec('surveyNotes'));
      await addOneByOne(h.db, 'surveyNotes');
      expect(inArrivalOrder(rowids(file, 'c_surveyNotes'))).toBe(true);
    } finally {
      h.close();
    }
  });

  it('a data folder whose collection is declared unlinkable on a later start treats it so from then on', async () => {
    const file = path.join(tempDir(), 'db.sqlite');
    const first = attach(new LocalDatabase({ file }));
    first.local.ensureCollection(spec('tallies'));
    await first.db.collection('tallies').add({ data: { n: -1 } });
    first.close();

    const second = attach(new LocalDatabase({ file }));
    try {
      second.local.ensureCollection({ ...spec('tallies'), unlinkable: true });
      await addOneByOne(second.db, 'tallies');
      expect(walBytes(file)).toBe(0);
      const later = rowids(file, 'c_tallies').filter((id) => id > 1);
      expect(later).toHaveLength(ROWS);
      for (const id of later) expect(id).toBeGreaterThan(2 ** 24);
    } finally {
      second.close();
    }

    // …and it stays so on the start after that, before anything declares it again.
    const third = attach(new LocalDatabase({ file }));
    try {
      await addOneByOne(third.db, 'tallies');
      expect(walBytes(file)).toBe(0);
    } finally {
      third.close();
    }
  });
});
