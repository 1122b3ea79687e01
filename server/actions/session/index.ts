import { invite } from './invite';
import { join } from './join';
import { approveLeader, pendingLeaders } from './leaders';
import { whoami } from './whoami';

export const sessionActions = [whoami, join, invite, pendingLeaders, approveLeader];
