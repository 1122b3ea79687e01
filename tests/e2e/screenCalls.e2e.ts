import type { Session } from './support/browser';
import { visitRecord } from '../support/builders';
import { act, signedIn } from './support/actors';

jest.setTimeout(300_000);

/**
 * Each screen is one call (issue 13): every page a worker, a unit head, an org leader or an office
 * opens, loaded cold in Chromium from the real local product the way a WeChat message or a share
 * card opens it, asks the cloud functions once for what it shows. Counted at the HTTP boundary of
 * the h5 app (`/api/call`), so a second call anywhere in the page, its components or the app's
 * start-up is caught.
 */
interface Visit {
  readonly who: string;
  readonly route: string;
}

const sessions = new Map<string, Session>();
async function sessionOf(openid: string): Promise<Session> {
  let session = sessions.get(openid);
  if (!session) {
    session = await signedIn(openid);
    sessions.set(openid, session);
  }
  return session;
}
afterAll(async () => {
  await Promise.all([...sessions.values()].map((session) => session.close()));
});

/** Opens the route cold and answers the actions its first screen called. */
async function callsOpening(openid: string, route: string): Promise<string[]> {
  const { page } = await sessionOf(openid);
  await page.goto('about:blank');
  const calls: string[] = [];
  const listen = (request: { url(): string; postData(): string | null }) => {
    if (request.url().endsWith('/api/call')) calls.push(String((JSON.parse(request.postData() ?? '{}') as { action?: string }).action));
  };
  page.on('request', listen);
  try {
    await page.goto(`/#/${route}`);
    await page.waitForLoadState('networkidle');
    // A page that shows its data and then fetches more would do so now: wait for quiet once more.
    await page.waitForTimeout(300);
    await page.waitForLoadState('networkidle');
  } finally {
    page.off('request', listen);
  }
  return calls;
}

const worker = 'demo-liming';
const head = 'demo-zhaojun';
const leader = 'demo-wangfang';
const street = 'demo-sunli';
const district = 'demo-zhoutao';

const fixed: Visit[] = [
  ...['pages/home/index', 'pages/records/index', 'pages/checkin/index', 'pages/survey/links/index', 'pages-more/activities/index', 'pages-more/points/index', 'pages-more/points/bulletins/index', 'pages-more/plan/index', 'pages-more/feedback/index', 'pages-more/survey-results/index'].map((route) => ({ who: worker, route })),
  ...['pages/home/index', 'pages-more/points/self-assessment/index'].map((route) => ({ who: head, route })),
  ...['pages/home/index', 'pages/pending/index', 'pages/records/index', 'pages-more/activities/index'].map((route) => ({ who: leader, route })),
  ...[
    'pages-office/index/index',
    'pages-office/surveys/index',
    'pages-office/import/index',
    'pages-office/directory/index',
    'pages-office/plans/index',
    'pages-office/feedback/index',
    'pages-office/audit/index',
    'pages-office/points/index',
    'pages-office/points/rules/index',
    'pages-office/points/dashboard/index',
    'pages-office/bulletins/index',
    'pages-office/checks/index',
  ].map((route) => ({ who: street, route })),
  ...['pages-office/index/index', 'pages-office/assessment/index', 'pages-office/points/index', 'pages-office/points/rules/index', 'pages-office/plans/index'].map((route) => ({ who: district, route })),
];

describe('each screen is one call', () => {
  it.each(fixed.map((visit) => [visit.route, visit.who, visit] as const))('%s for %s', async (_route, _who, visit) => {
    const calls = await callsOpening(visit.who, visit.route);
    expect({ route: visit.route, calls: calls.length <= 1 ? 'one or none' : calls }).toEqual({ route: visit.route, calls: 'one or none' });
  });

  it('the screens opened on one thing: a record, a unit, an org, a plan, a unit’s record book', async () => {
    const office = await sessionOf(street);
    const home = await act<{ pairings: Array<{ pairingId: string }> }>(await sessionOf(worker), 'records.home', {});
    const records = await act<{ items: Array<{ id: string }> }>(await sessionOf(worker), 'records.list', { pairingId: home.pairings[0]!.pairingId });
    const { record } = await act<{ record: { id: string; pairingId: string; unitId: string; orgId: string } }>(await sessionOf(worker), 'records.get', { recordId: records.items[0]!.id });
    const pairing = { id: record.pairingId, unitId: record.unitId, orgId: record.orgId };
    const visits: Visit[] = [
      { who: worker, route: `pages/record/index?id=${records.items[0]!.id}` },
      { who: worker, route: `pages-work/record-edit/index?pairing=${pairing.id}&kind=monthlyVisit` },
      { who: street, route: `pages-office/unit/index?id=${pairing.unitId}` },
      { who: street, route: `pages-office/org/index?id=${pairing.orgId}` },
      { who: street, route: `pages-office/points/unit/index?unit=${pairing.unitId}` },
      { who: street, route: `pages-office/points/record-book/index?unit=${pairing.unitId}` },
      { who: street, route: `pages-office/paper-record/index?pairing=${pairing.id}` },
    ];
    // A record sent to the leader (its confirm link), a plan submitted, a survey round's links, a bulletin.
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const saved = await act<{ record: { id: string } }>(await sessionOf(worker), 'records.save', visitRecord(pairing.id, today, { kind: 'otherWork' }));
    const sent = await act<{ link: { path: string } }>(await sessionOf(worker), 'records.submit', { recordId: saved.record.id, revision: 1 });
    const year = Number(today.slice(0, 4));
    await act(await sessionOf(worker), 'plans.save', { subjectType: 'unit', subjectId: pairing.unitId, year, text: '一、共建目标……', attachments: [] });
    const rounds = await act<{ items: Array<{ id: string }> }>(office, 'surveys.list', {});
    const links = rounds.items[0] ? await act<{ groups: Array<{ path: string }> }>(office, 'surveys.links', { roundId: rounds.items[0].id, pairingId: pairing.id }).catch(() => undefined) : undefined;
    // The street office's draft of the last quarter's bulletin (generating it again answers the same draft).
    const quarter = Math.ceil(Number(today.slice(5, 7)) / 3);
    const last = quarter === 1 ? { year: year - 1, quarter: 4 } : { year, quarter: quarter - 1 };
    const generated = await act<{ bulletin: { id: string } }>(office, 'bulletins.generate', { ...last, streetId: 'street-longcheng' });
    const bulletins = { items: [generated.bulletin] };
    visits.push(
      { who: leader, route: sent.link.path },
      { who: street, route: `pages-office/plan-review/index?id=plan-${year}-unit-${pairing.unitId}` },
      ...(rounds.items[0]
        ? [
            { who: street, route: `pages-office/surveys/round/index?id=${rounds.items[0].id}` },
            { who: street, route: `pages-office/surveys/results/index?round=${rounds.items[0].id}&pairing=${pairing.id}` },
            { who: worker, route: `pages-more/survey-results/index?round=${rounds.items[0].id}&pairing=${pairing.id}` },
          ]
        : []),
      ...(links?.groups[0] ? [{ who: 'openid-screen-calls-respondent', route: links.groups[0].path }] : []),
      ...(bulletins.items[0] ? [{ who: street, route: `pages-office/bulletins/edit/index?id=${bulletins.items[0].id}` }] : []),
    );
    // An invitation to the unit (its QR code opens the join page), and a joint activity's venue code (scanned into attend).
    // The e2e files share one product: the activity has a title of its own, so activities.e2e.ts still finds its one card.
    const invitation = await act<{ path: string }>(await sessionOf(worker), 'session.invite', { scopeType: 'unit', scopeId: pairing.unitId });
    const posted = await act<{ activity: { id: string } }>(await sessionOf(worker), 'activities.post', { pairingId: pairing.id, title: '每屏调用计数用的活动', date: today, startTime: '23:30', place: '党群活动室', agenda: '重温入党誓词' });
    const venue = await act<{ path: string }>(await sessionOf(worker), 'activities.venueCode', { activityId: posted.activity.id });
    visits.push(
      { who: 'openid-screen-calls-newcomer', route: invitation.path },
      { who: leader, route: venue.path },
      { who: worker, route: `pages-more/activities/venue/index?id=${posted.activity.id}` },
    );
    const over: Array<{ route: string; calls: string[] }> = [];
    const seen: string[] = [];
    for (const visit of visits) {
      const calls = await callsOpening(visit.who, visit.route);
      seen.push(visit.route.split('?')[0]!);
      if (calls.length > 1) over.push({ route: visit.route, calls });
    }
    // Every kind of screen above was opened (a missing round or bulletin would silently shrink the test).
    expect(seen).toEqual(expect.arrayContaining(['pages/confirm/index', 'pages-office/surveys/round/index', 'pages/survey/index', 'pages-office/bulletins/edit/index', 'pages/join/index', 'pages/attend/index']));
    expect(over).toEqual([]);
  });
});
