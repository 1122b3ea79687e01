import type { RecordContentInput } from '../../src/contract/records';

let serial = 0;

/** A unique client key, as the phone makes when writing starts. */
export function clientKey(): string {
  serial += 1;
  return `test-record-${Date.now().toString(36)}-${serial}`;
}

/** A complete, valid monthly-visit record of a pairing; override what a test is about. */
export function visitRecord(pairingId: string, date: string, overrides: Partial<RecordContentInput> = {}): RecordContentInput & { clientKey: string } {
  return {
    clientKey: clientKey(),
    pairingId,
    kind: 'monthlyVisit',
    date,
    contentAreas: ['partyMassBuilding', 'workSystems'],
    content: '到企业了解党支部换届准备情况，指导完善三会一课制度。',
    results: '明确换届时间表，补齐 3 项制度。',
    participants: { unit: { count: 2, names: ['李明', '赵军'] }, org: { count: 3, names: ['王芳'] } },
    organisations: { unit: ['party'], org: ['party', 'union'] },
    ...overrides,
  };
}
