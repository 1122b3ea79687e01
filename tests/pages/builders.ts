import type { CheckInView, RecordSummary, RecordView } from '../../src/contract/records';
import type { CadenceEntry } from '../../src/domain/cadence/cadence';

/** Small named builders for page tests; override only what a test is about. */
export function aCheckIn(overrides: Partial<CheckInView> = {}): CheckInView {
  return { id: 'checkin-1', at: '2026-03-05T06:30:00.000Z', distanceMetres: 120, accuracyMetres: 25, flags: [], hasPhoto: false, ...overrides };
}

export function aRecord(overrides: Partial<RecordView> = {}): RecordView {
  return {
    id: 'rec-0001',
    pairingId: 'pairing-2026-001',
    unitId: 'unit-001',
    unitName: '区发展和改革局',
    orgId: 'org-001',
    orgName: '深圳华星光电科技有限公司',
    kind: 'monthlyVisit',
    date: '2026-03-05',
    contentAreas: ['workSystems'],
    content: '到企业党支部指导三会一课制度落实',
    results: '帮助修订党支部学习制度一项',
    participants: { unit: { count: 2, names: ['李明'] }, org: { count: 3, names: [] } },
    organisations: { unit: ['party'], org: ['party', 'union'] },
    attachments: [],
    state: 'submitted',
    revision: 1,
    paper: false,
    activityId: null,
    authorName: '李明',
    history: [{ at: '2026-03-05T07:00:00.000Z', actorName: '李明', event: 'create', revision: 1 }],
    ...overrides,
  };
}

export function aSummary(overrides: Partial<RecordSummary> = {}): RecordSummary {
  return {
    id: 'rec-0001',
    kind: 'monthlyVisit',
    date: '2026-03-05',
    state: 'submitted',
    revision: 1,
    title: '一月一到访：到企业党支部指导三会一课制度落实',
    unitName: '区发展和改革局',
    orgName: '深圳华星光电科技有限公司',
    flagged: false,
    ...overrides,
  };
}

export function aCadence(overrides: Partial<CadenceEntry> = {}): CadenceEntry {
  return { item: 'monthlyVisit', period: { kind: 'month', year: 2026, month: 3 }, status: 'open', dueDate: '2026-03-31', ...overrides };
}
