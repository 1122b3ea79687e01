import type { Grant } from './people';
import type { PersonView } from './session';

/**
 * The local demo sign-in list (`GET /__local/people`, h5 against the local cloud only): the WeChat
 * identity to sign in as and what the person holds. One shape for the local server and the client.
 */
export type DemoGrant = Pick<Grant, 'role' | 'scopeName' | 'approved'>;

export interface DemoPerson extends Pick<PersonView, 'name'> {
  readonly openid: string;
  readonly grants: readonly DemoGrant[];
}
