import { whoami } from './whoami';

export const sessionActions = [whoami];
