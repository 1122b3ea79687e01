// The layers of Gongjian, checked by dependency-cruiser (`npm run lint:layers`).
// Each rule says why it exists; a violation names the rule, the importing file and the imported one.
// Type-only imports count (tsPreCompilationDeps): a type dragged across a layer couples it all the same.
//
//   src/domain, src/contract   pure TypeScript, shared by the pages and the functions
//   src/client                 the pages' only way to the cloud
//   src/pages, src/pages-office, src/components   UI
//   server/                    cloud function code (cloudfunctions/<name>/index.ts are its entry points)
//   localcloud/                the embedded local cloud that answers wx-server-sdk in development and tests
//   scripts/                   the composition root: may wire server and local cloud together

/** Packages that do I/O or belong to one platform: the pure layers never import them (nor their @types). */
const ioPackages = '(@types/)?(wx-server-sdk|@cloudbase|better-sqlite3|mingo|@tarojs|react|react-dom)/';
const serverOnlyPackages = '(@types/)?(wx-server-sdk|@cloudbase|better-sqlite3|mingo)/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment:
        'The domain and the contract are pure TypeScript, shared by the pages and the cloud functions and unit-tested without ' +
        'a cloud: no node built-ins, no SDK, no database, no Taro or React, and nothing outside src/domain and src/contract.',
      severity: 'error',
      from: { path: '^src/(domain|contract)/' },
      // Anything not matching one of these is refused: node built-ins (no path of their own), every other
      // folder of the project, and the I/O packages.
      to: { pathNot: ['^src/(domain|contract)/', `^node_modules/(?!${ioPackages})`] },
    },
    {
      name: 'pages-reach-cloud-through-client',
      comment:
        'Pages and components reach the cloud only through src/client (callAction, uploads, the local session): they ' +
        'never import function code, the local cloud, scripts, the SDK, the database or node built-ins, which would ' +
        'not run in the mini-program and would tie the UI to the server.',
      severity: 'error',
      from: { path: '^src/(pages|pages-office|components)/' },
      to: { pathNot: ['^src/', `^node_modules/(?!${serverOnlyPackages})`] },
    },
    {
      name: 'office-pages-not-libraries',
      comment:
        'Office pages do not use the page folders as libraries: UI both sides need lives in src/components, ' +
        'client logic in src/client. A page folder is one page, free to change without breaking another package.',
      severity: 'error',
      from: { path: '^src/pages-office/' },
      to: { path: '^src/pages/' },
    },
    {
      name: 'no-imports-between-functions',
      comment:
        'Each cloud function is bundled and deployed alone: server/actions/<a>/ (and its entry cloudfunctions/<a>/) never ' +
        'imports server/actions/<b>/ or cloudfunctions/<b>/, which would drag one function into the bundle of another. ' +
        'Code two functions share goes to server/repositories, server/messaging, server/services/<area> or the domain.',
      severity: 'error',
      from: { path: '^(?:server/actions|cloudfunctions)/([^/]+)/' },
      to: { path: '^(?:server/actions|cloudfunctions)/', pathNot: '^(?:server/actions|cloudfunctions)/$1/' },
    },
    {
      name: 'localcloud-not-server',
      comment:
        'The local cloud is a stand-in for WeChat: it answers any function code through the real wx-server-sdk and must ' +
        'not depend on ours (collections are handed to it by scripts/open-local-cloud.ts, the composition root).',
      severity: 'error',
      from: { path: '^localcloud/' },
      to: { path: '^(server|cloudfunctions)/' },
    },
    {
      name: 'server-not-localcloud',
      comment:
        'Function code runs in WeChat, where there is no local cloud: it talks to wx-server-sdk only and never imports ' +
        'the local cloud (its declarations, such as CollectionSpec, are its own: server/db/collectionSpec.ts).',
      severity: 'error',
      from: { path: '^(server|cloudfunctions)/' },
      to: { path: '^localcloud/' },
    },
    {
      name: 'sdk-only-in-adapters',
      comment:
        'wx-server-sdk is reached through one adapter (server/runtime/cloud.ts) so that functions can be given a cloud, ' +
        'and the local cloud, which answers the SDK, is the only other place that touches it.',
      severity: 'error',
      from: { pathNot: ['^server/runtime/cloud\\.ts$', '^localcloud/'] },
      to: { path: '^node_modules/(@types/)?wx-server-sdk/' },
    },
    {
      name: 'no-cycles',
      comment:
        'An import cycle means two modules are one module in two files: neither can be understood, tested or moved ' +
        'alone, and module initialisation order starts to matter. Break it by moving what both need to a third module.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-orphans',
      comment:
        'A module nothing imports and that imports nothing is dead code (or a forgotten entry point): delete it or use it. ' +
        'Taro page and app configs (index.config.ts, app.config.ts) are read by the build by convention.',
      severity: 'error',
      from: { orphan: true, pathNot: ['(^|/)(app|index)\\.config\\.ts$', '\\.d\\.ts$'] },
      to: {},
    },
    {
      name: 'not-to-unresolvable',
      comment:
        'Every import must resolve: the rules above only see what dependency-cruiser can follow, so an import it cannot ' +
        'resolve (a typo, a missing package, an alias tsconfig does not know) would slip past every layer rule.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    moduleSystems: ['cjs', 'es6'],
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.d.ts', '.js', '.cjs', '.mjs', '.json'],
      mainFields: ['types', 'typings', 'module', 'main'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
