import type { MassOrganisation, OrgKind, PartyOrgForm, UnitLevel } from '../../src/domain/catalog/organisations';
import type { Pairing } from '../../src/domain/catalog/pairing';
import type { CheckInFlag } from '../../src/domain/geo/geofence';
import type { AttendanceFlag } from '../../src/domain/activities/attendanceFlags';
import type { ContentArea, RecordKind } from '../../src/domain/records/catalog';
import type { HistoryEvent } from '../../src/domain/records/history';
import type { RecordState } from '../../src/domain/records/stateMachine';
import type { ReviewFlag } from '../../src/domain/records/reviewFlags';
import type { PairingSide } from '../../src/contract/activities';
import type { Grant } from '../../src/contract/people';
import type { Participants } from '../../src/contract/records';

/** Shapes of the documents in the cloud database (see collections.ts for the indexes). */

export interface StreetDocument {
  readonly _id: string;
  readonly code: string;
  readonly name: string;
}

export interface UnitDocument {
  readonly _id: string;
  readonly code: string;
  readonly name: string;
  readonly level: UnitLevel;
  readonly streetId: string;
}

export interface Coordinates {
  /** WGS-84 degrees; WeChat's gcj02 is converted at the edge before storing. */
  readonly latitude: number;
  readonly longitude: number;
}

export interface OrgDocument {
  readonly _id: string;
  readonly code: string;
  readonly name: string;
  readonly kind: OrgKind;
  readonly streetId: string;
  readonly address: string;
  readonly location: Coordinates;
  /** Check-ins farther than this from `location` are flagged for review (never refused). */
  readonly geofenceMetres: number;
  readonly partyMembers: number;
  readonly partyOrgForm: PartyOrgForm;
  /** Which mass organisations exist in the org: 工会、共青团、妇女组织. */
  readonly massOrganisations: readonly Exclude<MassOrganisation, 'party'>[];
}

export type PairingDocument = Pairing;

/** A grant as stored: the one grant shape, with who approved an org leader and when. */
export interface StoredGrant extends Grant {
  readonly approvedBy?: string;
  readonly approvedAt?: Date;
}

export interface PersonDocument {
  readonly _id: string;
  readonly openid: string;
  readonly name: string;
  readonly grants: readonly StoredGrant[];
  readonly createdAt: Date;
  readonly updatedAt?: Date;
  /** A removed person is no longer identified by their WeChat identity. */
  readonly removed?: boolean;
  /** Demo people are listed on the local sign-in page only. */
  readonly demo?: boolean;
  readonly demoOrder?: number;
}

/** A visit check-in: evidence attached to a record, never forced attendance. */
export interface CheckInDocument {
  readonly _id: string;
  readonly pairingId: string;
  readonly unitId: string;
  readonly orgId: string;
  readonly personId: string;
  readonly at: Date;
  readonly position: Coordinates;
  readonly accuracyMetres: number;
  readonly distanceMetres: number;
  readonly flags: readonly CheckInFlag[];
  readonly photoFileId: string | null;
  /** A hash of the spot to the metre (\`spotKey\`), to find the same coordinates on several days; absent on older check-ins. */
  readonly spotHash?: string;
}

export interface HistoryEntry {
  readonly at: Date;
  readonly actorId: string;
  readonly actorName: string;
  readonly event: HistoryEvent;
  readonly revision: number;
  readonly note?: string;
  readonly changedFields?: readonly string[];
}

/** An entry of the 积分行动记录本, with its audit trail embedded (one write per transition). */
export interface RecordDocument {
  readonly _id: string;
  readonly pairingId: string;
  readonly unitId: string;
  readonly unitName: string;
  readonly orgId: string;
  readonly orgName: string;
  readonly streetId: string;
  readonly unitStreetId: string;
  readonly year: number;
  readonly kind: RecordKind;
  readonly date: string;
  readonly contentAreas: readonly ContentArea[];
  readonly content: string;
  readonly results: string;
  readonly participants: Participants;
  readonly organisations: { readonly unit: readonly MassOrganisation[]; readonly org: readonly MassOrganisation[] };
  readonly attachments: ReadonlyArray<{ readonly fileId: string; readonly name: string }>;
  /** The joint activity this record writes up, if any. */
  readonly activityId: string | null;
  readonly checkIn: (Omit<CheckInDocument, '_id' | 'pairingId' | 'unitId' | 'orgId' | 'position'> & { readonly id: string }) | null;
  readonly flagged: boolean;
  /** SHA-256 of each attached file's and the check-in photo's bytes, computed by records.save (only the hashes). */
  readonly photoHashes?: readonly string[];
  /** An office's review of the record's flags (admin.reviewRecordCheck): the flags it saw and its note; `byOffice` is the office it was done as (区委党群共建办, ××街道党群共建办), absent on reviews made before it was kept. */
  readonly review?: { readonly at: Date; readonly byId: string; readonly byName: string; readonly byOffice?: string; readonly note: string; readonly flags: readonly ReviewFlag[] } | null;
  readonly state: RecordState;
  readonly revision: number;
  readonly paper: boolean;
  readonly authorId: string;
  readonly authorName: string;
  /** The single-use token of the current confirm link (share card, QR code, subscription message). */
  readonly confirmToken: { readonly id: string; readonly revision: number; readonly expiresAt: Date; readonly usedAt: Date | null } | null;
  /** The key every confirm link of this record starts with (server/actions/records/linkTokens.ts); set when one is issued. */
  readonly linkKey?: string;
  /** A link made before keys that a revision or a withdrawal left behind (at most one: every later link has the key). */
  readonly legacyLinkId?: string;
  readonly confirmed: { readonly at: Date; readonly byId: string; readonly byName: string } | null;
  readonly dispute: { readonly at: Date; readonly byId: string; readonly byName: string; readonly reason: string } | null;
  /** Confirmed earlier revisions, kept when a correction starts a new one. */
  /** Earlier revisions (confirmed or disputed) with their confirm link's id, kept when a revision starts a new one. */
  readonly previousRevisions: ReadonlyArray<Record<string, unknown>>;
  readonly history: readonly HistoryEntry[];
  readonly submittedAt: Date | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

/** A standing invitation of a unit (joins as unit staff) or an org (joins as party leader, pending approval). */
export interface InvitationDocument {
  readonly _id: string;
  readonly code: string;
  readonly scopeType: 'unit' | 'org';
  readonly scopeId: string;
  readonly scopeName: string;
  readonly role: 'unitStaff' | 'orgLeader';
  readonly createdBy: string;
  readonly createdAt: Date;
  readonly revokedAt: Date | null;
}

/** One venue check-in: who, from which side, when; how far from the venue and its review flags when known. */
export interface ActivityAttendance {
  readonly personId: string;
  readonly name: string;
  readonly side: PairingSide;
  readonly at: Date;
  readonly distanceMetres?: number | null;
  readonly flags?: readonly AttendanceFlag[];
  /** Seconds from when the scanned code was first shown to the scan (absent on scans made before it was kept). */
  readonly codeAgeSeconds?: number;
}

/** 一季一活动: a joint activity, posted ahead; attendance is taken at the venue with a rotating code. */
export interface ActivityDocument {
  readonly _id: string;
  readonly pairingId: string;
  readonly unitId: string;
  readonly orgId: string;
  readonly unitName: string;
  readonly orgName: string;
  readonly streetId: string;
  readonly unitStreetId: string;
  readonly year: number;
  readonly title: string;
  readonly date: string;
  readonly startTime: string;
  readonly place: string;
  readonly agenda: string;
  readonly organiserId: string;
  readonly organiserName: string;
  /** Key of the rotating venue codes; never leaves the server. */
  readonly secret: string;
  readonly attendance: ReadonlyArray<ActivityAttendance>;
  /** Where the organiser's phone first showed the venue code that day, when it gave a position. */
  readonly venue?: { readonly position: Coordinates; readonly accuracyMetres: number; readonly at: Date };
  readonly recordId: string | null;
  readonly createdAt: Date;
}
