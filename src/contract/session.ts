import { z } from 'zod';
import type { Role, ScopeType } from './people';

/** session.whoami — who the caller is and what they may do. */
export const whoamiInput = z.object({}).strict();

export interface RoleGrantView {
  readonly role: Role;
  readonly scopeType: ScopeType;
  readonly scopeId: string;
  readonly scopeName: string;
  /** An org's first party leader waits for approval before confirming anything. */
  readonly approved: boolean;
}

export interface PersonView {
  readonly id: string;
  readonly name: string;
  readonly grants: readonly RoleGrantView[];
}

export interface WhoamiOutput {
  /** null when the WeChat identity has not joined yet (needs an invitation). */
  readonly person: PersonView | null;
}
