/**
 * `npm run bench`: figures, never pass/fail. Prints them and writes them as JSON (name, value, unit)
 * to bench-results/latest.json so they can be compared across commits. Sections: weapp weapp-pages functions cloud http
 * store index home surveys admin points kill (`npm run bench -- points store` runs those two only). It exits by
 * itself: miniprogram-ci and each district size run in child processes that end (child.ts).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chinaDateString } from '../../src/domain/time/chinaTime';
import { wxServerSdk } from '../../localcloud/sdk';
import { openLocalCloud } from '../open-local-cloud';
import { projectRoot } from '../paths';
import { seedDemoDistrict } from '../seed/seed';
import { adminImportFigures } from './admin';
import { functionBudgetFigures } from './functionBudgets';
import { inChild } from './inChild';
import { killNineFigures } from './killNine';
import { homeFigures } from './home';
import { httpLatency } from './httpLatency';
import { indexedVersusScan } from './indexPath';
import { pointsAtScale } from './points';
import { requestsPerCall } from './requests';
import { storeDecodeFigures } from './storeDecode';
import { surveyFigures } from './surveys';
import { weappPageFigures } from './weappPages';
import type { Figure } from './stats';

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const wants = (section: string) => only.length === 0 || only.includes(section);
  const figures: Figure[] = [];
  const report = (section: string, items: Figure[]) => {
    console.log(`\n${section}`);
    for (const figure of items) console.log(`  ${figure.name}: ${figure.value} ${figure.unit}`);
    figures.push(...items);
  };

  if (wants('weapp')) {
    // In a child process that is ended afterwards: miniprogram-ci leaves file watchers open.
    const weapp = await inChild('weapp', [], { timeoutMs: 10 * 60_000 });
    report('weapp package sizes (production build)', weapp.filter((figure) => !figure.name.startsWith('weapp code quality')));
    report('miniprogram-ci checkCodeQuality', weapp.filter((figure) => figure.name.startsWith('weapp code quality')));
  }
  if (wants('weapp-pages')) report('weapp pages: largest setData and most nodes per page, demo and 1,000 pairings (the weapp tier journeys)', weappPageFigures());
  if (wants('functions')) report('cloud functions: modelled worst case at 1,000 pairings (80 ms a database round, 200 ms an openapi call) against the declared timeout', functionBudgetFigures());
  if (wants('cloud') || wants('http')) {
    const cloud = openLocalCloud({ dataDir: null, functionsFrom: 'source' });
    try {
      const district = await seedDemoDistrict(wxServerSdk().database(), new Date());
      const pairingId = district!.pairings[0]!._id;
      const today = chinaDateString(new Date());
      if (wants('cloud')) report('database requests per cloud-function call', await requestsPerCall(cloud, pairingId, today));
      if (wants('http')) report('local cloud over HTTP (300 sequential calls each)', await httpLatency(cloud, pairingId, today));
    } finally {
      cloud.close();
    }
  }
  if (wants('store')) report('local store decoding (40,000 documents)', storeDecodeFigures());
  if (wants('index')) report('indexed path against a full scan', await indexedVersusScan());
  if (wants('surveys')) report('evaluation surveys (评议) on the local cloud', await surveyFigures());
  if (wants('admin')) report('pairing-table import on the local cloud (1,000 pairings, fresh cloud each round)', await adminImportFigures());
  if (wants('kill')) report('survey answers against kill -9 of the real product (120 at once, 5 kills, issue 10)', await killNineFigures());
  if (wants('home')) report('records.home as a pairing grows (40 / 1,000 / 4,000 / 10,000 records, issue 13)', await homeFigures());
  if (wants('points')) report('points at district scale (1,000 pairings, ~40,000 records, 2 evaluation rounds; growth from 100 to 3,000 pairings)', await pointsAtScale());

  const file = path.join(projectRoot, 'bench-results', 'latest.json');
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify({ at: new Date().toISOString(), figures }, null, 2)}\n`);
  console.log(`\n已写入 ${path.relative(projectRoot, file)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
