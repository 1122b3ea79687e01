/**
 * Checks every operator of a query, update, projection or pipeline against WeChat's allow-list
 * (operatorLists.ts) before mingo sees it, so that nothing runs locally that the cloud would
 * refuse or evaluate differently.
 *
 * A refused operator answers `DATABASE_INVALID_OPERRATOR`, which wx-server-sdk reports as
 * errCode -502002 "database invalid command" (its TCB_DB_INVALID_COMMAND). WeChat documents no
 * message text for an unsupported command, so the message names the operator in MongoDB's words
 * ("unknown operator: $where"). Unknown pipeline stages keep MongoDB's own
 * "Unrecognized pipeline stage name" (-502001), and geo operators, which WeChat has but the local
 * cloud does not model, keep their "not supported by the local cloud database" (-502001).
 */
import { invalidOperator, requestFailed } from './errors';
import {
  EXPRESSION_OPERATORS,
  FIELD_OPERATORS,
  GEO_OPERATORS,
  LOGICAL_OPERATORS,
  LOOKUP_EQUALITY_KEYS,
  LOOKUP_PIPELINE_KEYS,
  PIPELINE_STAGES,
  PROJECTION_OPERATORS,
  PUSH_MODIFIERS,
  UPDATE_OPERATORS,
} from './operatorLists';
import { isPlainObject, type Doc } from './types';

const ALLOW_LIST_HINT = 'the WeChat cloud database does not offer it';

function unknownOperator(kind: string, name: string): Error {
  return invalidOperator(`unknown ${kind} operator: ${name} (${ALLOW_LIST_HINT})`);
}

function isOperatorKey(key: string): boolean {
  return key.startsWith('$');
}

// ---- queries (where, match, elemMatch, pull) ------------------------------------------------

/** A query document: field conditions and top-level and/or/nor/expr. */
export function checkQuery(query: Doc): void {
  for (const [key, value] of Object.entries(query)) {
    if (LOGICAL_OPERATORS.has(key)) {
      if (!Array.isArray(value) || value.length === 0) throw invalidOperator(`${key} must be a nonempty array`);
      for (const branch of value) {
        if (!isPlainObject(branch)) throw invalidOperator(`${key} argument's entries must be objects`);
        checkQuery(branch);
      }
    } else if (key === '$expr') {
      checkExpression(value);
    } else if (isOperatorKey(key)) {
      throw unknownOperator('top level query', key);
    } else {
      checkCondition(value);
    }
  }
}

/** The value a field is compared with: a literal (equality) or an object of field operators. */
function checkCondition(value: unknown): void {
  if (!isPlainObject(value)) return;
  const keys = Object.keys(value);
  if (!keys.some(isOperatorKey)) return; // an embedded document, compared whole
  for (const key of keys) checkFieldOperator(key, value[key]);
}

function checkFieldOperator(name: string, operand: unknown): void {
  if (GEO_OPERATORS.has(name)) throw requestFailed(`geo query operator ${name} is not supported by the local cloud database`);
  if (!FIELD_OPERATORS.has(name)) throw unknownOperator('query', name);
  switch (name) {
    case '$in':
    case '$nin':
    case '$all':
      if (!Array.isArray(operand)) throw invalidOperator(`${name} needs an array`);
      for (const item of operand) {
        if (name === '$all' && isPlainObject(item) && '$elemMatch' in item) checkCondition(item);
        else noRegExp(name, item);
      }
      return;
    case '$elemMatch':
      if (!isPlainObject(operand)) throw invalidOperator('$elemMatch needs an object');
      // {$gt: 1} tests the elements themselves; {a: 1} or {$and: […]} is a query on element documents.
      if (Object.keys(operand).every((key) => isOperatorKey(key) && !LOGICAL_OPERATORS.has(key) && key !== '$expr')) checkCondition(operand);
      else checkQuery(operand);
      return;
    case '$not':
      if (operand instanceof RegExp) return;
      if (!isPlainObject(operand) || !Object.keys(operand).every(isOperatorKey)) throw invalidOperator('$not needs a regex or a document of operators');
      checkCondition(operand);
      return;
    default:
      noRegExp(name, operand);
  }
}

/** WeChat: regular expressions cannot be used inside db.command (e.g. db.command.in). */
function noRegExp(name: string, value: unknown): void {
  if (value instanceof RegExp) throw invalidOperator(`a regular expression cannot be used inside ${name} (${ALLOW_LIST_HINT})`);
}

// ---- aggregation expressions -----------------------------------------------------------------

/** An aggregation expression ($project/$group/$addFields values, $expr, let …). */
export function checkExpression(value: unknown): void {
  if (Array.isArray(value)) {
    value.forEach(checkExpression);
    return;
  }
  if (!isPlainObject(value)) return;
  for (const [key, item] of Object.entries(value)) {
    if (isOperatorKey(key)) {
      if (!EXPRESSION_OPERATORS.has(key)) throw unknownOperator('aggregation expression', key);
      if (key === '$literal') continue;
    }
    checkExpression(item);
  }
}

// ---- find projections (field()) -----------------------------------------------------------------

export function checkProjection(projection: Doc): void {
  for (const [field, value] of Object.entries(projection)) {
    if (value === true || value === false || value === 0 || value === 1) continue;
    if (isPlainObject(value)) {
      const keys = Object.keys(value);
      const name = keys[0];
      if (keys.length === 1 && name !== undefined && PROJECTION_OPERATORS.has(name)) {
        if (name === '$elemMatch') {
          const inner = value[name];
          if (!isPlainObject(inner)) throw invalidOperator('$elemMatch needs an object');
          checkQuery(inner);
        }
        continue;
      }
      throw unknownOperator('projection', keys.find(isOperatorKey) ?? `{${keys.join(', ')}}`);
    }
    throw invalidOperator(`projection of ${field} must be true/false or db.command.project.slice/elemMatch`);
  }
}

// ---- updates ----------------------------------------------------------------------------------------

/** The operators of an update (the SDK has already turned plain fields into $set). */
export function checkUpdateOperators(update: Doc): void {
  for (const [name, fields] of Object.entries(update)) {
    if (!UPDATE_OPERATORS.has(name)) throw unknownOperator('update', name);
    if (!isPlainObject(fields)) continue;
    for (const operand of Object.values(fields)) checkUpdateOperand(name, operand);
  }
}

function checkUpdateOperand(name: string, operand: unknown): void {
  if (name === '$push' || name === '$addToSet') {
    if (!isPlainObject(operand) || !Object.keys(operand).some(isOperatorKey)) return;
    for (const key of Object.keys(operand)) {
      if (!PUSH_MODIFIERS.has(key) || (name === '$addToSet' && key !== '$each')) throw unknownOperator(`${name} modifier`, key);
    }
    if (!Array.isArray(operand.$each)) throw invalidOperator(`${name} modifiers need $each`);
  } else if (name === '$pull') {
    if (!isPlainObject(operand)) return;
    // mingo's update applies its own $mod (modOperator.ts), which differs from the cloud's.
    if (JSON.stringify(operand).includes('"$mod"')) throw invalidOperator('$mod inside pull is not modelled by the local cloud database: its results would differ from WeChat\'s');
    if (Object.keys(operand).some(isOperatorKey)) checkCondition(operand);
    else checkQuery(operand);
  }
}

// ---- pipelines -------------------------------------------------------------------------------------------

/** Each stage: one known name, and every operator inside it allowed. */
export function checkPipelineStages(stages: readonly Doc[]): void {
  for (const stage of stages) {
    const keys = Object.keys(stage);
    const name = keys[0];
    if (keys.length !== 1 || name === undefined) throw requestFailed('A pipeline stage specification object must contain exactly one field.');
    if (name === '$geoNear') throw requestFailed('geo aggregation stage $geoNear is not supported by the local cloud database');
    if (!PIPELINE_STAGES.has(name)) throw requestFailed(`Unrecognized pipeline stage name: '${name}'`);
    checkStageBody(name, stage[name]);
  }
}

function checkStageBody(name: string, body: unknown): void {
  switch (name) {
    case '$match':
      if (!isPlainObject(body)) throw requestFailed('the match filter must be an expression in an object');
      checkQuery(body);
      return;
    case '$lookup':
      checkLookup(body);
      return;
    default:
      checkExpression(body);
  }
}

function checkLookup(body: unknown): void {
  if (!isPlainObject(body)) throw requestFailed('the $lookup specification must be an object');
  const keys = Object.keys(body);
  const within = (allowed: ReadonlySet<string>) => keys.every((key) => allowed.has(key));
  if (Array.isArray(body.pipeline)) {
    if (!within(LOOKUP_PIPELINE_KEYS) || typeof body.from !== 'string' || typeof body.as !== 'string') {
      throw invalidOperator(`$lookup with a pipeline takes only from, let, pipeline and as, got {${keys.join(', ')}} (${ALLOW_LIST_HINT})`);
    }
    checkExpression(body.let);
    checkPipelineStages(body.pipeline.map((stage) => (isPlainObject(stage) ? stage : {})));
    return;
  }
  if (!within(LOOKUP_EQUALITY_KEYS) || keys.length !== LOOKUP_EQUALITY_KEYS.size) {
    throw invalidOperator(`$lookup takes from, localField, foreignField and as (or from, let, pipeline and as), got {${keys.join(', ')}}`);
  }
}
