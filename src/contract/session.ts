import { z } from 'zod';
import type { Grant, Role } from './people';

/** session.whoami — who the caller is and what they may do. */
export const whoamiInput = z.object({}).strict();

/** A person as pages see them (whoami, and any call made with `viewer: true`). */
export interface PersonView {
  readonly id: string;
  readonly name: string;
  readonly grants: readonly Grant[];
}

export interface WhoamiOutput {
  /** null when the WeChat identity has not joined yet (needs an invitation). */
  readonly person: PersonView | null;
}

/** session.join — join a unit or an org with an invitation code (or the code inside its QR). */
export const joinInput = z.object({
  code: z.string().transform((value) => value.trim().toUpperCase()).pipe(z.string().regex(/^[A-Z0-9]{8}$/, '邀请码应为 8 位字母或数字')),
  /** Needed the first time a person joins; their name as colleagues know it. */
  name: z.string().transform((value) => value.trim()).pipe(z.string().min(1, '请填写姓名').max(20, '姓名不能超过 20 字')).optional(),
});
export interface JoinOutput {
  readonly person: PersonView;
  /** The grant this invitation gave (or already had). */
  readonly grant: Grant;
  readonly alreadyMember: boolean;
}

/** session.invite — the standing invitation of a unit or an org, with its code and a QR image. */
export const inviteInput = z.object({
  scopeType: z.enum(['unit', 'org']),
  scopeId: z.string().regex(/^[\w-]{1,64}$/),
  withQrImage: z.boolean().default(false),
});
export interface InvitationView {
  readonly code: string;
  readonly scopeType: 'unit' | 'org';
  readonly scopeName: string;
  readonly role: Role;
  /** Mini-program page that joins with this code. */
  readonly path: string;
  readonly qrImage?: string;
}

/** session.pendingLeaders — org party leaders waiting for approval that the caller may approve. */
export const pendingLeadersInput = z.object({}).strict();
export interface PendingLeaderView {
  readonly personId: string;
  readonly name: string;
  readonly orgId: string;
  readonly orgName: string;
}

/** session.approveLeader — approve an org's party leader so they can confirm records. */
export const approveLeaderInput = z.object({ personId: z.string().regex(/^[\w-]{1,64}$/), orgId: z.string().regex(/^[\w-]{1,64}$/) });
