/**
 * WeChat's allow-list of database commands and aggregation operators: what the functions use (and
 * the rest of WeChat's list) works through the real wx-server-sdk; MongoDB operators WeChat does not
 * offer are refused with -502002 "database invalid command" naming the operator, never evaluated.
 */
import { expectCloudError, spec, startLocalCloud, type Harness, type Sdk } from './helpers';

const INVALID_COMMAND = -502002;
const REQUEST_FAIL = -502001;
const INVALID_PARAM = -501007;

describe('database operators: WeChat allow-list', () => {
  let h: Harness;
  let _: Sdk;
  let $: Sdk;
  const people = () => h.db.collection('people');
  const ids = async (query: Sdk): Promise<string[]> => ((await query.get()).data as { _id: string }[]).map((doc) => doc._id).sort();
  const refused = (promise: Promise<unknown>, errMsg: RegExp) => expectCloudError(promise, { errCode: INVALID_COMMAND, errMsg });

  beforeAll(async () => {
    h = startLocalCloud([spec('people'), spec('orgs'), spec('scratch')]);
    _ = h._;
    $ = h.$;
    await h.db.collection('orgs').add({
      data: [
        { _id: 'o1', name: '东街' },
        { _id: 'o2', name: '西街' },
      ],
    });
    await people().add({
      data: [
        { _id: 'p1', name: 'Ann', orgId: 'o1', age: 30, state: 'draft', tags: ['a', 'b'], grants: [{ scopeId: 'o1', role: 'leader' }] },
        { _id: 'p2', name: 'ben', orgId: 'o1', age: 25, state: 'submitted', tags: ['b'], grants: [{ scopeId: 'o2', role: 'worker' }] },
        { _id: 'p3', name: 'Cat', orgId: 'o2', age: 41, state: 'confirmed', tags: [], flag: true, grants: [] },
      ],
    });
  });
  afterAll(() => h.close());

  describe('what the functions use works', () => {
    it('query commands: in, neq, eq, gte, lte, lt, and, or, elemMatch, and a case-insensitive db.RegExp', async () => {
      expect(await ids(people().where({ orgId: _.in(['o1']), state: _.neq('draft') }))).toEqual(['p2']);
      expect(await ids(people().where({ age: _.gte(25).and(_.lte(30)) }))).toEqual(['p1', 'p2']);
      expect(await ids(people().where(_.or([{ age: _.lt(26) }, { state: _.eq('confirmed') }])))).toEqual(['p2', 'p3']);
      expect(await ids(people().where(_.and([{ orgId: 'o1' }, { tags: 'a' }])))).toEqual(['p1']);
      expect(await ids(people().where({ grants: _.elemMatch({ scopeId: 'o2', role: 'worker' }) }))).toEqual(['p2']);
      expect(await ids(people().where({ name: h.db.RegExp({ regexp: 'BEN', options: 'i' }) }))).toEqual(['p2']);
      expect((await people().where({ orgId: 'o1' }).count()).total).toBe(2);
    });

    it('update commands: set, push, inc', async () => {
      await h.db.collection('scratch').add({ data: { _id: 's1', n: 1, list: [], meta: { a: 1 } } });
      await h.db.collection('scratch').doc('s1').update({ data: { n: _.inc(2), list: _.push({ at: 1 }), meta: _.set({ b: 2 }) } });
      expect((await h.db.collection('scratch').doc('s1').get()).data).toEqual({ _id: 's1', n: 3, list: [{ at: 1 }], meta: { b: 2 } });
    });

    it('aggregate: match, project, equality lookup, let + pipeline lookup with expr($.in), group with $.push, sort, skip, limit', async () => {
      const joined = await people()
        .aggregate()
        .match({ _id: 'p1' })
        .project({ orgId: 1 })
        .lookup({ from: 'orgs', localField: 'orgId', foreignField: '_id', as: 'org' })
        .end();
      expect(joined.list).toEqual([{ _id: 'p1', orgId: 'o1', org: [{ _id: 'o1', name: '东街' }] }]);
      const holders = await h.db
        .collection('orgs')
        .aggregate()
        .match({ _id: 'o1' })
        .lookup({
          from: 'people',
          let: { orgId: '$_id' },
          pipeline: $.pipeline().match(_.expr($.in(['$$orgId', '$grants.scopeId']))).project({ name: 1 }).done(),
          as: 'people',
        })
        .end();
      expect(holders.list).toEqual([{ _id: 'o1', name: '东街', people: [{ _id: 'p1', name: 'Ann' }] }]);
      const groups = await people()
        .aggregate()
        .match({ state: _.neq('draft') })
        .group({ _id: '$orgId', names: $.push('$name') })
        .sort({ _id: 1 })
        .skip(0)
        .limit(10)
        .end();
      expect(groups.list).toEqual([
        { _id: 'o1', names: ['ben'] },
        { _id: 'o2', names: ['Cat'] },
      ]);
    });
  });

  describe('the rest of WeChat’s list works', () => {
    it('exists, size, all, nin, not (also of a regex), nor, expr and field() with project.slice', async () => {
      expect(await ids(people().where({ flag: _.exists(true) }))).toEqual(['p3']);
      expect(await ids(people().where({ tags: _.size(0) }))).toEqual(['p3']);
      expect(await ids(people().where({ tags: _.all(['a', 'b']) }))).toEqual(['p1']);
      expect(await ids(people().where({ state: _.nin(['draft', 'confirmed']) }))).toEqual(['p2']);
      expect(await ids(people().where({ age: _.not(_.gt(26)) }))).toEqual(['p2']);
      expect(await ids(people().where({ name: _.not(/^a/i) }))).toEqual(['p2', 'p3']);
      expect(await ids(people().where(_.nor([{ orgId: 'o2' }, { age: 30 }])))).toEqual(['p2']);
      expect(await ids(people().where(_.expr($.gt([$.size('$tags'), 1]))))).toEqual(['p1']);
      const sliced = await people().where({ _id: 'p1' }).field({ tags: _.project.slice(1), name: true }).get();
      expect(sliced.data).toEqual([{ _id: 'p1', name: 'Ann', tags: ['a'] }]);
    });

    it('update commands: mul, min, max, rename, remove, bit, unshift, shift, pop, pull, pullAll, addToSet', async () => {
      const doc = () => h.db.collection('scratch').doc('s2');
      await h.db.collection('scratch').add({ data: { _id: 's2', a: 2, b: 5, c: 1, d: 'x', e: 6, list: [1, 2, 3, 4, 5] } });
      await doc().update({ data: { a: _.mul(3), b: _.min(4), c: _.max(9), d: _.rename('dd'), e: _.bit({ and: 3 }) } });
      await doc().update({ data: { list: _.unshift(0), gone: _.remove() } });
      await doc().update({ data: { list: _.pull(_.gt(4)) } });
      await doc().update({ data: { list: _.pullAll([2]) } });
      await doc().update({ data: { list: _.addToSet({ $each: [3, 9] }) } });
      await doc().update({ data: { list: _.shift() } });
      await doc().update({ data: { list: _.pop() } });
      expect((await doc().get()).data).toEqual({ _id: 's2', a: 6, b: 4, c: 9, dd: 'x', e: 2, list: [1, 3, 4] });
    });

    it('aggregation operators and stages from db.command.aggregate', async () => {
      const rows = await people()
        .aggregate()
        .addFields({ older: $.cond({ if: $.gte(['$age', 30]), then: true, else: false }), label: $.concat([$.toUpper('$name'), '-', '$orgId']) })
        .group({ _id: '$older', n: $.sum(1), avg: $.avg('$age'), labels: $.addToSet('$label') })
        .sort({ _id: 1 })
        .end();
      expect(rows.list).toEqual([
        { _id: false, n: 1, avg: 25, labels: ['BEN-o1'] },
        { _id: true, n: 2, avg: 35.5, labels: expect.arrayContaining(['ANN-o1', 'CAT-o2']) },
      ]);
      expect((await people().aggregate().sortByCount('$orgId').end()).list).toEqual([
        { _id: 'o1', count: 2 },
        { _id: 'o2', count: 1 },
      ]);
      expect((await people().aggregate().unwind('$tags').count('n').end()).list).toEqual([{ n: 3 }]);
    });
  });

  describe('mod as the cloud evaluates it, not as mingo does', () => {
    beforeAll(async () => {
      await h.db.collection('scratch').add({
        data: [
          { _id: 'm1', v: 3 },
          { _id: 'm2', v: true },
          { _id: 'm3', v: '3' },
          { _id: 'm4', v: 3.5 },
          { _id: 'm5', v: [4, 7] },
          { _id: 'm6', v: new Date(3) },
          { _id: 'm7', v: [true, 2] },
        ],
      });
    });
    const modIds = async (query: Sdk) => (await ids(query)).filter((id) => id.startsWith('m'));

    it('matches numbers only (never true, numeric strings or dates), truncating decimals, through arrays', async () => {
      expect(await modIds(h.db.collection('scratch').where({ v: _.mod(2, 1) }))).toEqual(['m1', 'm4', 'm5']);
      expect(await modIds(h.db.collection('scratch').where({ v: _.mod(2.9, 1.2) }))).toEqual(['m1', 'm4', 'm5']);
      expect(await modIds(h.db.collection('scratch').where(_.or([{ v: _.not(_.mod(2, 1)) }, { v: _.elemMatch(_.mod(2, 0)) }])))).toEqual(['m2', 'm3', 'm5', 'm6', 'm7']);
      const matched = await h.db.collection('scratch').aggregate().match({ v: _.mod(2, 1) }).project({ _id: 1 }).end();
      expect(matched.list.map((doc: { _id: string }) => doc._id).sort()).toEqual(['m1', 'm4', 'm5']);
    });

    it('a divisor of 0 is an error, as in the cloud', async () => {
      await refused(h.db.collection('scratch').where({ v: _.mod(0, 1) }).get(), /divisor cannot be 0/);
    });
  });

  describe('what WeChat lacks is refused, naming the operator', () => {
    it('server-side JavaScript, text search, JSON schema and comments in a query', async () => {
      await refused(people().where({ $where: 'this.age > 1' }).get(), /^collection\.get:fail -502002 database invalid command\. .*unknown top level query operator: \$where/);
      await refused(people().where({ $text: { $search: 'Ann' } }).get(), /unknown top level query operator: \$text/);
      await refused(people().where({ $jsonSchema: { required: ['name'] } }).get(), /unknown top level query operator: \$jsonSchema/);
      await refused(people().where({ $comment: 'hi', age: 30 }).count(), /unknown top level query operator: \$comment/);
      await refused(people().where(_.expr({ $function: { body: 'function () { return true }', args: [], lang: 'js' } })).get(), /unknown aggregation expression operator: \$function/);
    });

    it('MongoDB field operators outside db.command: $type, $regex, $bitsAllSet, $expr-only $toString', async () => {
      await refused(people().where({ age: { $type: 'number' } }).get(), /unknown query operator: \$type/);
      await refused(people().where({ name: { $regex: '^a', $options: 'i' } }).get(), /unknown query operator: \$regex/);
      await refused(people().where({ age: { $bitsAllSet: 1 } }).get(), /unknown query operator: \$bitsAllSet/);
      await refused(people().where(_.expr($.eq([{ $toString: '$age' }, '30']))).get(), /unknown aggregation expression operator: \$toString/);
    });

    it('regular expressions inside a command, and regex options WeChat does not accept', async () => {
      await refused(people().where({ name: _.in([/^a/i]) }).get(), /a regular expression cannot be used inside \$in/);
      await expectCloudError(people().where({ name: h.db.RegExp({ regexp: 'a', options: 'x' }) }).get(), {
        errCode: INVALID_PARAM,
        errMsg: /regular expression option 'x' is not supported \(Database\.RegExp accepts i, m and s\)/,
      });
      await expectCloudError(people().where({ name: h.db.RegExp({ regexp: 'a', options: 'u' }) }).get(), {
        errCode: INVALID_PARAM,
        errMsg: /regular expression option 'u' is not supported/,
      });
    });

    it('$mod inside pull, where mingo would apply its own $mod, is refused', async () => {
      await h.db.collection('scratch').add({ data: { _id: 's4', list: [1, 2, 3] } });
      await refused(h.db.collection('scratch').doc('s4').update({ data: { list: _.pull(_.mod(2, 1)) } }), /\$mod inside pull is not modelled by the local cloud database/);
    });

    it('aggregation expressions in field(), which WeChat’s field() does not take', async () => {
      await refused(people().field({ next: { $add: ['$age', 1] } }).get(), /unknown projection operator: \$add/);
    });

    it('update operators outside db.command: $currentDate, $setOnInsert, push/addToSet modifiers', async () => {
      await h.db.collection('scratch').add({ data: { _id: 's3', n: 1, list: [] } });
      const doc = () => h.db.collection('scratch').doc('s3');
      await refused(doc().update({ data: { $currentDate: { at: true } } }), /unknown update operator: \$currentDate/);
      await refused(doc().update({ data: { $setOnInsert: { n: 2 } } }), /unknown update operator: \$setOnInsert/);
      await refused(doc().update({ data: { list: _.addToSet({ $each: [1], $position: 0 }) } }), /unknown \$addToSet modifier operator: \$position/);
      await refused(doc().update({ data: { list: _.pull({ $where: 'true' }) } }), /unknown query operator: \$where/);
      expect((await doc().get()).data).toEqual({ _id: 's3', n: 1, list: [] });
    });

    it('stages WeChat lacks ($out, $merge, $unionWith), also inside a lookup pipeline', async () => {
      const raw = (stages: object[]) => people()._collection.options({ raw: true }).aggregate(stages).end();
      for (const stage of [{ $out: 'scratch' }, { $merge: { into: 'scratch' } }, { $unionWith: 'orgs' }, { $facet: { a: [] } }]) {
        const name = Object.keys(stage)[0];
        expect(await raw([{ $match: {} }, stage])).toMatchObject({ code: 'DATABASE_REQUEST_FAILED', message: `[FailedOperation] Unrecognized pipeline stage name: '${name}'` });
      }
      const nested = people()
        .aggregate()
        .lookup({ from: 'orgs', let: { id: '$orgId' }, pipeline: [{ $match: {} }, { $out: 'scratch' }], as: 'o' })
        .end();
      await expectCloudError(nested, { errCode: REQUEST_FAIL, errMsg: /Unrecognized pipeline stage name: '\$out'/ });
      expect((await h.db.collection('scratch').where({ orgId: _.exists(true) }).count()).total).toBe(0);
    });

    it('$lookup forms WeChat lacks: localField/foreignField with a pipeline, a pipeline without from', async () => {
      await refused(
        people().aggregate().lookup({ from: 'orgs', localField: 'orgId', foreignField: '_id', pipeline: [], as: 'o' }).end(),
        /\$lookup with a pipeline takes only from, let, pipeline and as, got \{from, localField, foreignField, pipeline, as\}/,
      );
      await refused(people().aggregate().lookup({ pipeline: [{ $match: {} }], as: 'o' }).end(), /\$lookup with a pipeline takes only from, let, pipeline and as/);
      await refused(people().aggregate().lookup({ from: 'orgs', localField: 'orgId', as: 'o' }).end(), /\$lookup takes from, localField, foreignField and as/);
    });

    it('aggregation expressions WeChat lacks, in group, addFields, project, sort and match', async () => {
      await refused(people().aggregate().group({ _id: { $toString: '$age' } }).end(), /unknown aggregation expression operator: \$toString/);
      await refused(people().aggregate().addFields({ x: { $function: { body: 'function () { return 1 }', args: [], lang: 'js' } } }).end(), /unknown aggregation expression operator: \$function/);
      await refused(people().aggregate().project({ x: { $round: ['$age', 0] } }).end(), /unknown aggregation expression operator: \$round/);
      await refused(people().aggregate().group({ _id: null, all: { $accumulator: {} } }).end(), /unknown aggregation expression operator: \$accumulator/);
      await refused(people().aggregate().sort({ score: { $meta: 'textScore' } }).end(), /unknown aggregation expression operator: \$meta/);
      await refused(people().aggregate().match({ age: { $type: 'int' } }).end(), /unknown query operator: \$type/);
    });
  });
});
