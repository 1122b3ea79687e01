import type { z } from 'zod';
import type { ActionName, ActionOutput } from '../../src/contract/actions';
import type { Role } from '../../src/contract/people';
import type { ActionContext, Caller } from './context';

/**
 * Who may call an action at all. Finer checks (is this record in the caller's scope?)
 * are made by the action with the caller's grants.
 *  - 'anyone': no sign-in needed (e.g. answering an anonymous survey with a ballot code); the
 *    caller is read when there is a WeChat identity (one request).
 *  - 'openid': a WeChat identity, joined or not, and nothing read for it: for actions that need only
 *    the openid (the sender's own 投诉建议, kept by it), saving the `people` read 'anyone' makes.
 *  - 'anyoneInRun': as 'anyone', but the runtime reads nothing: the action reads the caller itself
 *    (`identifyCaller`) beside its own first reads, one round trip fewer (surveys.answer).
 *  - 'person': any joined person.
 *  - Role[]: a joined person holding one of these roles somewhere.
 */
export type Access = 'anyone' | 'anyoneInRun' | 'openid' | 'person' | readonly Role[];

export interface ActionDefinition<K extends ActionName, S extends z.ZodType> {
  readonly name: K;
  readonly input: S;
  readonly access: Access;
  run(context: ActionContext & { readonly caller: AccessCaller<Access> }, input: z.output<S>): Promise<ActionOutput<K>>;
}

export type AccessCaller<A extends Access> = A extends 'anyone' ? Caller | null : A extends 'openid' | 'anyoneInRun' ? null : Caller;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyAction = ActionDefinition<ActionName, any>;

export function defineAction<K extends ActionName, S extends z.ZodType>(definition: {
  name: K;
  input: S;
  access: 'anyone';
  run(context: ActionContext & { readonly caller: Caller | null }, input: z.output<S>): Promise<ActionOutput<K>>;
}): ActionDefinition<K, S>;
export function defineAction<K extends ActionName, S extends z.ZodType>(definition: {
  name: K;
  input: S;
  access: 'anyoneInRun';
  run(context: ActionContext & { readonly caller: null; readonly identifyCaller: () => Promise<Caller | null> }, input: z.output<S>): Promise<ActionOutput<K>>;
}): ActionDefinition<K, S>;
export function defineAction<K extends ActionName, S extends z.ZodType>(definition: {
  name: K;
  input: S;
  access: 'openid';
  run(context: ActionContext & { readonly caller: null; readonly openid: string }, input: z.output<S>): Promise<ActionOutput<K>>;
}): ActionDefinition<K, S>;
export function defineAction<K extends ActionName, S extends z.ZodType>(definition: {
  name: K;
  input: S;
  access: 'person' | readonly Role[];
  run(context: ActionContext & { readonly caller: Caller }, input: z.output<S>): Promise<ActionOutput<K>>;
}): ActionDefinition<K, S>;
export function defineAction(definition: AnyAction): AnyAction {
  return definition;
}
