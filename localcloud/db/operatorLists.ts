/**
 * The allow-list: the database commands and aggregation operators WeChat documents for the cloud
 * database (wxcloud reference-sdk-api/database: Command.*, AggregateCommand.*, Aggregate.*), in the
 * form @cloudbase/database 1.4.3 (under wx-server-sdk 4.0.2) puts them on the wire. mingo knows many
 * more MongoDB operators; anything not listed here is refused (operators.ts) instead of being
 * evaluated with semantics WeChat does not have.
 */

/**
 * Field conditions: eq neq(→$ne) lt lte gt gte in nin, exists, size, all, elemMatch, not, mod. mingo's
 * $mod differs from the cloud's; queries use the cloud's instead (modOperator.ts).
 */
export const FIELD_OPERATORS: ReadonlySet<string> = new Set([
  '$eq',
  '$ne',
  '$lt',
  '$lte',
  '$gt',
  '$gte',
  '$in',
  '$nin',
  '$exists',
  '$size',
  '$all',
  '$elemMatch',
  '$not',
  '$mod',
]);

/** geoNear (→$nearSphere), geoWithin, geoIntersects: WeChat has them, the local cloud has no geo index. */
export const GEO_OPERATORS: ReadonlySet<string> = new Set(['$near', '$nearSphere', '$geoWithin', '$geoIntersects', '$geoNear']);

/** Top-level query operators: and, or, nor (Command.*) and expr (Command.expr, wx-server-sdk ≥ 1.4.0). */
export const LOGICAL_OPERATORS: ReadonlySet<string> = new Set(['$and', '$or', '$nor']);

/** Update commands: set remove(→$unset) inc mul min max rename bit push pop shift(→$pop) unshift(→$push) pull pullAll addToSet. */
export const UPDATE_OPERATORS: ReadonlySet<string> = new Set([
  '$set',
  '$unset',
  '$inc',
  '$mul',
  '$min',
  '$max',
  '$rename',
  '$bit',
  '$push',
  '$pop',
  '$pull',
  '$pullAll',
  '$addToSet',
]);

/** Modifiers of push/unshift ({each, position, sort, slice}) and of addToSet ({$each}). */
export const PUSH_MODIFIERS: ReadonlySet<string> = new Set(['$each', '$position', '$sort', '$slice']);

/** Projection commands of field(): Command.project.slice and Command.project.elemMatch. */
export const PROJECTION_OPERATORS: ReadonlySet<string> = new Set(['$slice', '$elemMatch']);

/**
 * db.command.aggregate.* (AggregateCommand), neq → $ne. Left out although the SDK builds it:
 * `meta`, which only reads the score of a $text search, and $text is not offered. wx-server-sdk's
 * typings also declare convert, toInt, trim … but the SDK has no such functions at run time.
 */
export const EXPRESSION_OPERATORS: ReadonlySet<string> = new Set(
  [
    // arithmetic
    'abs', 'add', 'ceil', 'divide', 'exp', 'floor', 'ln', 'log', 'log10', 'mod', 'multiply', 'pow', 'sqrt', 'subtract', 'trunc',
    // array
    'arrayElemAt', 'arrayToObject', 'concatArrays', 'filter', 'in', 'indexOfArray', 'isArray', 'map', 'range', 'reduce', 'reverseArray', 'size', 'slice', 'zip',
    // boolean, comparison, conditional
    'and', 'not', 'or', 'cmp', 'eq', 'gt', 'gte', 'lt', 'lte', 'ne', 'cond', 'ifNull', 'switch',
    // date
    'dateFromParts', 'dateFromString', 'dateToString', 'dayOfMonth', 'dayOfWeek', 'dayOfYear', 'isoDayOfWeek', 'isoWeek', 'isoWeekYear',
    'millisecond', 'minute', 'month', 'second', 'hour', 'week', 'year',
    // literal, object, set
    'literal', 'mergeObjects', 'objectToArray', 'allElementsTrue', 'anyElementTrue', 'setDifference', 'setEquals', 'setIntersection', 'setIsSubset', 'setUnion',
    // string
    'concat', 'indexOfBytes', 'indexOfCP', 'split', 'strLenBytes', 'strLenCP', 'strcasecmp', 'substr', 'substrBytes', 'substrCP', 'toLower', 'toUpper',
    // accumulators ($group), variables
    'addToSet', 'avg', 'first', 'last', 'max', 'min', 'push', 'stdDevPop', 'stdDevSamp', 'sum', 'let',
  ].map((name) => `$${name}`),
);

/** Aggregate.* stages the SDK sends (geoNear is handled as a geo operator). */
export const PIPELINE_STAGES: ReadonlySet<string> = new Set([
  '$addFields',
  '$bucket',
  '$bucketAuto',
  '$count',
  '$group',
  '$limit',
  '$lookup',
  '$match',
  '$project',
  '$replaceRoot',
  '$sample',
  '$skip',
  '$sort',
  '$sortByCount',
  '$unwind',
]);

/** WeChat's two forms of Aggregate.lookup: an equality join, or let + pipeline (指定多个连接条件). */
export const LOOKUP_EQUALITY_KEYS: ReadonlySet<string> = new Set(['from', 'localField', 'foreignField', 'as']);
export const LOOKUP_PIPELINE_KEYS: ReadonlySet<string> = new Set(['from', 'let', 'pipeline', 'as']);

/** Options of Database.RegExp (i, m, s); a JavaScript RegExp can carry only i and m of them. */
export const REGEX_FLAGS: ReadonlySet<string> = new Set(['i', 'm', 's']);
