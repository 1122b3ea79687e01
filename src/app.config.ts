import { requiredPrivateInfos } from './privacy';

// The main package: every page a worker, a leader or a respondent opens from a subscription message,
// a share card or a QR code (and what those lead to first). The rest lives in subpackages, downloaded
// when first opened, so the main package stays under 400 KB (`npm run bench` measures it).
const pages = [
  'pages/home/index',
  'pages/checkin/index',
  'pages/record/index',
  'pages/confirm/index',
  'pages/pending/index',
  'pages/records/index',
  'pages/join/index',
  'pages/attend/index',
  'pages/survey/index',
  'pages/survey/links/index',
];
// Local demo sign-in and the captured subscription messages exist only in the h5 build against the local cloud.
if (process.env.TARO_ENV === 'h5') pages.push('pages/local-signin/index', 'pages/outbox/index');

export default defineAppConfig({
  pages,
  subPackages: [
    {
      // Pages for the street and district offices; keeps the main package small.
      root: 'pages-office',
      pages: ['index/index', 'surveys/index', 'surveys/round/index', 'surveys/results/index', 'import/index', 'directory/index', 'unit/index', 'org/index', 'plans/index', 'plan-review/index', 'feedback/index', 'audit/index', 'points/index', 'points/unit/index', 'points/rules/index', 'points/dashboard/index', 'points/record-book/index', 'bulletins/index', 'bulletins/edit/index', 'assessment/index', 'paper-record/index', 'checks/index'],
    },
    {
      // The record editor (写记录) with the contract's validation rules (zod): opened from home and
      // check-in, never from a message. Preloaded when home or check-in opens (preloadRule), so a
      // worker who loses the network at the factory gate still has it.
      root: 'pages-work',
      pages: ['record-edit/index'],
    },
    {
      // Pages people reach from home's "更多" links (and plan reminders, feedback replies, which may
      // wait for a download): activities, points, plans, feedback, survey results.
      root: 'pages-more',
      pages: ['activities/index', 'activities/venue/index', 'points/index', 'points/self-assessment/index', 'points/bulletins/index', 'plan/index', 'feedback/index', 'survey-results/index'],
    },
  ],
  preloadRule: {
    'pages/home/index': { network: 'all', packages: ['pages-work'] },
    'pages/checkin/index': { network: 'all', packages: ['pages-work'] },
  },
  window: {
    navigationBarTitleText: '共建',
    navigationBarBackgroundColor: '#b71c1c',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f4f4f4',
    backgroundTextStyle: 'dark',
  },
  lazyCodeLoading: 'requiredComponents',
  // Generated from the one privacy declaration (src/privacy.ts), which also writes the README's privacy guide.
  requiredPrivateInfos: requiredPrivateInfos(),
  permission: {
    'scope.userLocation': {
      desc: '用于在走访签到时确认您到达了结对单位或组织所在地',
    },
  },
  __usePrivacyCheck__: true,
});
