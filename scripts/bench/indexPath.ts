import { LocalCloud } from '../../localcloud';
import { wxServerSdk } from '../../localcloud/sdk';
import { Collection } from '../../server/db/collection';
import type { CollectionName } from '../../server/db/collections';
import { median, timeEach } from './stats';
import type { Figure } from './stats';

const DOCUMENTS = 20_000;

/**
 * The same selective query through a declared index and through a full scan (a twin collection
 * without the index), on a separate in-memory local cloud. Reported as medians and their ratio.
 */
export async function indexedVersusScan(): Promise<Figure[]> {
  const cloud = new LocalCloud({
    dataDir: null,
    collections: [
      { name: 'benchIndexed', description: 'bench', indexes: [{ name: 'pairing', fields: [{ path: 'pairingId', kind: 'string' }] }] },
      { name: 'benchPlain', description: 'bench', indexes: [] },
    ],
  });
  try {
    const db = wxServerSdk().database();
    for (const name of ['benchIndexed', 'benchPlain']) {
      for (let start = 0; start < DOCUMENTS; start += 500) {
        await Promise.all(
          Array.from({ length: 500 }, (_, offset) =>
            db.collection(name).add({ data: { pairingId: `pairing-${(start + offset) % 1000}`, date: `2026-${String(((start + offset) % 12) + 1).padStart(2, '0')}-10`, content: '走访企业，了解党建工作情况'.repeat(4) } }),
          ),
        );
      }
    }
    const query = (name: string, index: number) => new Collection(db, name as CollectionName).find({ pairingId: `pairing-${index % 1000}` });
    const indexed = median(await timeEach(200, (index) => query('benchIndexed', index)));
    const scanned = median(await timeEach(20, (index) => query('benchPlain', index)));
    return [
      { name: `query by pairingId over ${DOCUMENTS} documents, indexed (median)`, value: round(indexed), unit: 'ms' },
      { name: `query by pairingId over ${DOCUMENTS} documents, full scan (median)`, value: round(scanned), unit: 'ms' },
      { name: 'full scan ÷ indexed (medians)', value: round(scanned / indexed), unit: '×' },
    ];
  } finally {
    cloud.close();
  }
}

const round = (value: number) => Math.round(value * 100) / 100;
