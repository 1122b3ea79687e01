import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { MAIN_PACKAGE_BUDGET_BYTES, packageSizes } from '../../scripts/bench/weappSize';
import { linkedPages } from '../../src/contract/pages';
import { projectRoot } from '../../scripts/paths';
import { weappRoot } from './support/phone';

const sourcesUnder = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? sourcesUnder(path.join(dir, entry.name)) : /\.tsx?$/.test(entry.name) ? [path.join(dir, entry.name)] : []));

/** The pages of the built app.json, each with the package it is downloaded in. */
function pagesByPackage(): Map<string, string> {
  const app = JSON.parse(readFileSync(path.join(weappRoot, 'app.json'), 'utf8')) as { pages: string[]; subPackages?: Array<{ root: string; pages: string[] }> };
  const owners = new Map<string, string>(app.pages.map((page) => [page, 'main']));
  for (const sub of app.subPackages ?? []) for (const page of sub.pages) owners.set(`${sub.root.replace(/\/$/, '')}/${page}`, sub.root);
  return owners;
}

describe('the packages WeChat downloads', () => {
  it('keeps the main package within 400 KB (what everyone downloads before the first page)', () => {
    const main = packageSizes(weappRoot).get('main') ?? Number.POSITIVE_INFINITY;
    expect(main).toBeLessThanOrEqual(MAIN_PACKAGE_BUDGET_BYTES);
  });

  it('opens every page a message, share card or QR code names, and those of workers, leaders and respondents from the main package', () => {
    const owners = pagesByPackage();
    for (const page of Object.values(linkedPages)) expect([page, owners.has(page)]).toEqual([page, true]);
    // Share cards (confirm, survey), QR codes (confirm, join, attend, survey) and the worker's and leader's reminders (home, confirm).
    for (const page of [linkedPages.confirm, linkedPages.home, linkedPages.join, linkedPages.attend, linkedPages.survey]) expect([page, owners.get(page)]).toEqual([page, 'main']);
  });

  it('leaves pages nobody opens from a share card or QR code to subpackages', () => {
    const owners = pagesByPackage();
    for (const page of ['pages-more/points/index', 'pages-more/plan/index', 'pages-more/feedback/index', 'pages-more/activities/index', 'pages-more/activities/venue/index', 'pages-more/survey-results/index']) {
      expect([page, owners.get(page)]).toEqual([page, 'pages-more']);
    }
  });

  it('leaves out of base.wxml only templates no page can need: no source sets catchMove (it would render a catch-view)', () => {
    const { unusedTemplates } = require('../../config/unused-templates-plugin.js') as { unusedTemplates: string[] };
    expect(unusedTemplates).toEqual(['scroll-view', 'catch-view']);
    const base = readFileSync(path.join(weappRoot, 'base.wxml'), 'utf8');
    // What each template would leave in base.wxml: a scroll-view element; a view that catches touchmove.
    const markers: Record<string, string> = { 'scroll-view': '<scroll-view ', 'catch-view': 'catchtouchmove=' };
    for (const tag of unusedTemplates) expect([tag, base.includes(markers[tag]!)]).toEqual([tag, false]);
    const catchMove = sourcesUnder(path.join(projectRoot, 'src')).filter((file) => /\bcatchMove\b/.test(readFileSync(file, 'utf8')));
    expect(catchMove).toEqual([]);
  });
});
