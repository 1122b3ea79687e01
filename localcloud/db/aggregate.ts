/**
 * Aggregation pipelines (collection.aggregate()...end()), run by mingo.
 *
 * Stages: exactly those @cloudbase/database's Aggregation sends (addFields,
 * bucket, bucketAuto, count, group, limit, lookup, match, project,
 * replaceRoot, sample, skip, sort, sortByCount, unwind). wx-server-sdk also
 * declares facet, graphLookup, out, collStats, indexStats and redact, but its
 * underlying Aggregation has no such methods, so they throw in the SDK before
 * any request; a raw pipeline containing them (or geoNear, which needs geo
 * indexes) is refused here with the server's "Unrecognized pipeline stage" error.
 *
 * $bucket is rewritten into $group/$switch stages before mingo runs it:
 * mingo 7.2.7 puts a value equal to an inner boundary into the previous
 * bucket and emits empty buckets, where MongoDB uses [lower, upper) ranges and
 * emits only non-empty buckets sorted by _id (it desugars $bucket the same way).
 *
 * Result size, as observed on the cloud (WeChat developer community reports):
 * without any $limit stage an aggregation returns at most 20 results, and
 * never more than 10000 even with a larger $limit. Both caps apply here so
 * that code forgetting .limit() fails locally rather than in WeChat.
 */
import { Aggregator } from 'mingo';
import { errorMessage, requestFailed } from './errors';
import { group, simpleGroup } from './group';
import { CLOUD_CONTEXT, withCloudOperators } from './cloudOperators';
import { lookupThroughIndex, type ForeignReader } from './lookupPushdown';
import { checkPipelineStages } from './operators';
import { project, simpleProjection } from './projection';
import { isPlainObject, type Doc } from './types';

export const DEFAULT_AGGREGATE_LIMIT = 20;
export const MAX_AGGREGATE_RESULTS = 10_000;

/** Stages and every operator inside them checked against WeChat's allow-list (operators.ts). */
export function checkPipeline(stages: readonly Doc[]): void {
  checkPipelineStages(stages);
}

/** Names of every collection a pipeline reads through $lookup (nested pipelines included). */
export function lookedUpCollections(stages: readonly Doc[]): string[] {
  const names: string[] = [];
  for (const stage of stages) {
    const body = stage.$lookup;
    if (!isPlainObject(body)) continue;
    if (typeof body.from === 'string') names.push(body.from);
    if (Array.isArray(body.pipeline)) names.push(...lookedUpCollections(body.pipeline.filter(isPlainObject)));
  }
  return names;
}

/**
 * Reads the documents of `name` whose `field` may equal one of `values` (a superset is fine: the
 * join itself is exact). Lets an equality $lookup read through an index instead of a whole collection.
 */
export type NarrowForeign = (name: string, field: string, values: readonly unknown[]) => Doc[];

export function runPipeline(docs: Doc[], stages: Doc[], resolve: (name: string) => Doc[], narrow?: NarrowForeign, reader?: ForeignReader): Doc[] {
  const hasLimit = stages.some((stage) => '$limit' in stage);
  let result: Doc[];
  try {
    result = runStages(docs, rewriteStages(stages), resolve, narrow, reader);
  } catch (error) {
    throw requestFailed(errorMessage(error));
  }
  return result.slice(0, hasLimit ? MAX_AGGREGATE_RESULTS : DEFAULT_AGGREGATE_LIMIT);
}

/**
 * Runs the stages, stopping before each equality $lookup to read only the foreign documents it can
 * join, and before each sub-pipeline $lookup to read them through an index per document
 * (lookupPushdown.ts); a plain inclusion `$project` and a `$group` pushing fields are applied
 * without mingo (projection.ts, group.ts).
 */
function runStages(docs: Doc[], stages: readonly Doc[], resolve: (name: string) => Doc[], narrow: NarrowForeign | undefined, reader: ForeignReader | undefined): Doc[] {
  const run = (input: Doc[], segment: Doc[], resolver: (name: string) => Doc[]) =>
    segment.length === 0 ? input : new Aggregator(segment, { collectionResolver: resolver, scriptEnabled: false, context: CLOUD_CONTEXT }).run<Doc>(input);
  let current = docs;
  let segment: Doc[] = [];
  for (const stage of stages) {
    const plain = '$project' in stage ? simpleProjection(stage.$project) : undefined;
    if (plain) {
      current = project(run(current, segment, resolve), plain);
      segment = [];
      continue;
    }
    const pushing = '$group' in stage ? simpleGroup(stage.$group) : undefined;
    if (pushing) {
      current = run(current, segment, resolve);
      const grouped = group(current, pushing);
      if (grouped) current = grouped;
      segment = grouped ? [] : [stage];
      continue;
    }
    const lookup = stage.$lookup;
    if (reader && isPlainObject(lookup) && Array.isArray(lookup.pipeline)) {
      current = run(current, segment, resolve);
      segment = [];
      const joined = lookupThroughIndex(current, stage, lookup, resolve, reader, run);
      if (joined) current = joined;
      else segment.push(stage);
      continue;
    }
    const equalityJoin =
      narrow !== undefined && isPlainObject(lookup) && typeof lookup.from === 'string' && typeof lookup.localField === 'string' && typeof lookup.foreignField === 'string' && lookup.pipeline === undefined;
    if (!equalityJoin) {
      segment.push(stage);
      continue;
    }
    current = run(current, segment, resolve);
    segment = [];
    const from = lookup.from as string;
    const values = joinValues(current, lookup.localField as string);
    const foreign = values === undefined ? resolve(from) : narrow(from, lookup.foreignField as string, values);
    current = run(current, [stage], (name) => (name === from ? foreign : resolve(name)));
  }
  return run(current, segment, resolve);
}

/** The distinct scalar values at `path` (through arrays); undefined when some are missing, empty or not scalars. */
function joinValues(docs: readonly Doc[], path: string): unknown[] | undefined {
  const values = new Set<unknown>();
  const visit = (value: unknown, rest: readonly string[]): boolean => {
    // An empty array may join documents lacking the field: read the whole collection then.
    if (Array.isArray(value)) return value.length > 0 && value.every((item) => visit(item, rest));
    if (rest.length === 0) {
      if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') return false;
      values.add(value);
      return true;
    }
    if (!isPlainObject(value)) return false;
    return visit(value[rest[0]!], rest.slice(1));
  };
  return docs.every((doc) => visit(doc, path.split('.'))) ? [...values] : undefined;
}

function rewriteStages(stages: readonly Doc[]): Doc[] {
  return stages.flatMap((stage): Doc[] => {
    if (isPlainObject(stage.$bucket)) return bucketStages(stage.$bucket);
    if (isPlainObject(stage.$match)) return [{ $match: withCloudOperators(stage.$match) }];
    const lookup = stage.$lookup;
    if (isPlainObject(lookup) && Array.isArray(lookup.pipeline)) {
      return [{ $lookup: { ...lookup, pipeline: rewriteStages(lookup.pipeline.filter(isPlainObject)) } }];
    }
    return [stage];
  });
}

/** MongoDB's $bucket expressed with $group/$switch and $sort. */
function bucketStages(spec: Doc): Doc[] {
  const boundaries = spec.boundaries;
  if (!Array.isArray(boundaries) || boundaries.length < 2) {
    throw requestFailed("$bucket requires 'boundaries' to be an array of at least two values");
  }
  const groupBy = spec.groupBy;
  const lowers = boundaries.slice(0, -1);
  const branches = lowers.map((lower, index) => ({
    case: { $and: [{ $gte: [groupBy, { $literal: lower }] }, { $lt: [groupBy, { $literal: boundaries[index + 1] }] }] },
    then: { $literal: lower },
  }));
  const $switch: Doc = { branches };
  if (spec.default !== undefined) $switch.default = { $literal: spec.default };
  const output = isPlainObject(spec.output) ? spec.output : { count: { $sum: 1 } };
  // MongoDB itself desugars $bucket into exactly this $group + $sort.
  return [{ $group: { _id: { $switch }, ...output } }, { $sort: { _id: 1 } }];
}
