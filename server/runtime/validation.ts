import type { z } from 'zod';
import { ActionFailure } from './failure';

/** Parse input at the boundary; the first problem becomes INVALID_INPUT naming its field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  inspectInput(input);
  const parsed = schema.safeParse(input ?? {});
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue && issue.path.length > 0 ? issue.path.map(String).join('.') : undefined;
  const userMessage = issue && typeof issue.message === 'string' && /[\u4e00-\u9fa5]/.test(issue.message) ? issue.message : undefined;
  throw new ActionFailure('INVALID_INPUT', `invalid input${field ? ` at ${field}` : ''}: ${issue?.message ?? 'unknown'}`, {
    ...(field !== undefined ? { field } : {}),
    ...(userMessage !== undefined ? { userMessage } : {}),
  });
}

/**
 * What any action's input may be at all, before its own schema looks at it. Every contract is a
 * small tree of plain objects, arrays, strings, numbers and booleans; anything else is refused here,
 * once for every action, so that no schema, query or update ever sees it.
 */
export const INPUT_LIMITS = {
  /** Levels of objects and arrays (the deepest contract is about 5). */
  maxDepth: 12,
  /** Values in the whole input (a survey form or a rule set is a few hundred). */
  maxNodes: 20_000,
  /** Characters in one string (the longest text field is 10,000). */
  maxStringLength: 50_000,
  /** Keys of one object. */
  maxKeys: 200,
} as const;

/** Keys that reach an object's prototype, and keys a database reads as an operator or a path. */
const forbiddenKey = /^(__proto__|constructor|prototype)$|^\$|\./;

/** C0 controls but tab and line breaks, DEL, C1 controls, and the non-characters U+FFFE and U+FFFF. */
const controlCharacter = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]/;

/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** A date or instant as pages send one (`YYYY-MM-DD`, optionally with a time). */
const dateLike = /^(\d{4,})-\d{2}-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const YEARS = { min: 1900, max: 2100 } as const;

/** Refuses input no contract could mean; throws INVALID_INPUT with a Chinese message. */
export function inspectInput(input: unknown): void {
  let nodes = 0;
  const refuse = (detail: string, userMessage: string, at: readonly (string | number)[]): never => {
    const field = at.length > 0 ? at.map(String).join('.') : undefined;
    throw new ActionFailure('INVALID_INPUT', `${detail}${field ? ` at ${field}` : ''}`, { userMessage, ...(field !== undefined ? { field } : {}) });
  };
  const visit = (value: unknown, depth: number, at: readonly (string | number)[]): void => {
    nodes += 1;
    if (nodes > INPUT_LIMITS.maxNodes) refuse('input has too many values', '提交的内容太多，请分批提交', at);
    switch (typeof value) {
      case 'undefined':
      case 'boolean':
        return;
      case 'number':
        if (!Number.isFinite(value)) refuse('number is not finite', '数字格式不正确', at);
        return;
      case 'string':
        inspectString(value, (detail, userMessage) => refuse(detail, userMessage, at));
        return;
      case 'object':
        break;
      default:
        refuse(`unsupported value of type ${typeof value}`, '提交的内容格式不对', at);
    }
    if (value === null || value === undefined) return;
    if (depth >= INPUT_LIMITS.maxDepth) refuse('input is nested too deeply', '提交的内容层级太深', at);
    if (Array.isArray(value)) {
      if (value.length > INPUT_LIMITS.maxNodes) refuse('array is too long', '提交的内容太多，请分批提交', at);
      value.forEach((item, index) => visit(item, depth + 1, [...at, index]));
      return;
    }
    const prototype = Object.getPrototypeOf(value) as unknown;
    if (prototype !== Object.prototype && prototype !== null) refuse('input holds a non-plain object', '提交的内容格式不对', at);
    const keys = Object.keys(value);
    if (keys.length > INPUT_LIMITS.maxKeys) refuse('object has too many keys', '提交的内容太多，请分批提交', at);
    for (const key of keys) {
      if (forbiddenKey.test(key)) refuse(`forbidden key ${JSON.stringify(key.slice(0, 40))}`, '提交的内容含有不允许的字段名', at);
      inspectString(key, (detail, userMessage) => refuse(`key: ${detail}`, userMessage, at));
      visit((value as Record<string, unknown>)[key], depth + 1, [...at, key]);
    }
  };
  visit(input, 0, []);
}

function inspectString(value: string, refuse: (detail: string, userMessage: string) => never): void {
  if (value.length > INPUT_LIMITS.maxStringLength) refuse('string is too long', '填写的文字太长');
  if (controlCharacter.test(value)) refuse('string holds control characters', '填写的内容含有无法识别的控制字符，请删除后再试');
  if (loneSurrogate.test(value)) refuse('string holds a lone surrogate', '填写的内容含有无法识别的字符，请删除后再试');
  const date = dateLike.exec(value);
  if (date) {
    const year = Number(date[1]);
    if (year < YEARS.min || year > YEARS.max) refuse(`date year ${year} out of range`, `日期的年份应在 ${YEARS.min}–${YEARS.max} 年之间`);
  }
}
