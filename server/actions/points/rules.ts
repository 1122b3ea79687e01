import { policy } from '../../../src/domain/access/policy';
import { rulesInput, saveRulesInput } from '../../../src/contract/points';
import type { RuleSetView } from '../../../src/contract/points';
import type { PointRule, RuleScope, RuleSet } from '../../../src/domain/points/rules';
import { scopeKey } from '../../../src/domain/points/rules';
import { ruleSetProblems } from '../../../src/domain/points/validateRules';
import { ruleSources, timelineFor, versionLabel, versionOn } from '../../../src/domain/points/versions';
import { chinaDateString } from '../../../src/domain/time/chinaTime';
import { yearOf } from '../../../src/domain/time/periods';
import type { RuleSetDocument } from '../../db/pointsDocuments';
import { pointsDistrictRepository } from '../../repositories/pointsDistrict';
import { pointsYearRepository } from '../../repositories/pointsYear';
import { allows } from '../../runtime/access';
import type { CloudDatabase } from '../../runtime/cloud';
import type { Caller } from '../../runtime/context';
import { defineAction } from '../../runtime/defineAction';
import { fail } from '../../runtime/failure';
import { districtName } from '../../services/points/officeScope';
import type { YearConfig } from '../../services/points/yearConfig';
import { loadYearConfig } from '../../services/points/yearConfig';

/** The district office makes the district's rule sets; a street office its own street's (from the policy's subject). */
export function canEditScope(caller: Caller, scope: RuleScope): boolean {
  return allows(caller, policy.points.editRules, { streetId: scope.kind === 'district' ? null : scope.streetId });
}

export function ruleSetView(set: RuleSet, document?: RuleSetDocument): RuleSetView {
  return {
    year: set.year,
    version: set.version,
    effectiveFrom: set.effectiveFrom,
    scope: set.scope,
    rules: set.rules,
    yearCap: set.yearCap,
    lateAfterDays: set.lateAfterDays,
    ...(set.note ? { note: set.note } : {}),
    ...(set.followsDistrict === true ? { followsDistrict: true } : {}),
    label: versionLabel(set),
    ...(document ? { savedBy: document.savedBy, savedAt: new Date(document.savedAt).toISOString() } : {}),
  };
}

/** The street whose rules are a caller's own: a street office's (its first street), none for the district office or anyone else. */
function ownStreetOf(caller: Caller): string | undefined {
  if (caller.grants.some((grant) => grant.role === 'districtOffice' && grant.approved)) return undefined;
  return caller.grants.find((grant) => grant.role === 'streetOffice' && grant.approved)?.scopeId;
}

/**
 * points.rules — the rule versions that apply to the district's units, or to a street's own units
 * (`own`: the caller's own, so the rules page opens on them in one call), with the year's settings.
 */
export const rules = defineAction({
  name: 'points.rules',
  input: rulesInput,
  access: 'person',
  async run({ db, caller, now }, input) {
    const year = input.year ?? yearOf(now).year;
    const streetId = input.streetId ?? (input.own ? ownStreetOf(caller) : undefined);
    const [config, street] = await Promise.all([loadYearConfig(db, year), streetId ? pointsDistrictRepository(db).street(streetId) : undefined]);
    const scope: RuleScope = streetId ? { kind: 'street', streetId } : { kind: 'district' };
    if (streetId && !street) fail('NOT_FOUND', `street ${streetId} not found`, { field: 'streetId', userMessage: '街道不存在' });
    const timeline = timelineFor(year, config.ruleSets, streetId ?? null);
    const documents = new Map(config.ruleSetDocuments.map((document) => [`${document.scopeKey}|${document.version}`, document]));
    const today = chinaDateString(now);
    const documentOf = (set: RuleSet) => documents.get(`${scopeKey(set.scope)}|${set.version}`);
    const sources = streetId ? ruleSources(timeline, config.ruleSets.filter((set) => scopeKey(set.scope) === scopeKey(scope))) : [];
    return {
      year,
      scope,
      scopeName: street?.name ?? districtName(caller),
      versions: timeline.versions.map((version) => ruleSetView(version, documentOf(version))),
      inForce: versionOn(timeline, today).version,
      sources: sources.map(({ source, from, startedBy }) => {
        const document = startedBy ? documentOf(startedBy) : undefined;
        return { source, from, ...(startedBy ? { label: versionLabel(startedBy) } : {}), ...(document ? { savedBy: document.savedBy, savedAt: new Date(document.savedAt).toISOString() } : {}) };
      }),
      canEdit: canEditScope(caller, scope) && config.settings.closedAt === null && year >= yearOf(now).year,
      today,
      settings: config.settings,
    };
  },
});

/**
 * points.saveRules — a new version of the district's rule set (or a street's, for the units it
 * arranges). It applies from its effective date, today or later: points already earned keep the
 * rules they were earned under. Overlapping or negative caps, or a closed year, are refused.
 */
export const saveRules = defineAction({
  name: 'points.saveRules',
  input: saveRulesInput,
  access: ['streetOffice', 'districtOffice'],
  async run({ db, caller, now }, input) {
    const scope = input.scope as RuleScope;
    if (!canEditScope(caller, scope)) {
      fail('FORBIDDEN', `person ${caller.personId} may not save rules for ${scopeKey(scope)}`, {
        userMessage: scope.kind === 'district' ? '区级积分规则由区委党群共建办制定' : '只能制定本街道的积分规则',
      });
    }
    const config = await loadYearConfig(db, input.year);
    const candidate: Omit<RuleSet, 'version'> = {
      year: input.year,
      effectiveFrom: input.effectiveFrom,
      scope,
      rules: input.rules as PointRule[],
      yearCap: input.yearCap,
      lateAfterDays: input.lateAfterDays,
      ...(input.note ? { note: input.note } : {}),
    };
    return { ruleSet: await addVersion({ db, caller, now }, config, candidate) };
  },
});

/** Refuses (in Chinese, naming the field) a version that breaks the checks of `ruleSetProblems`. */
export function refuseInvalidVersion(config: YearConfig, now: Date, candidate: Omit<RuleSet, 'version'>): void {
  const problems = ruleSetProblems(candidate, { today: chinaDateString(now), yearClosed: config.settings.closedAt !== null });
  const first = problems[0];
  if (first) fail('INVALID_INPUT', `rule set refused: ${problems.map((problem) => problem.field).join(', ')}`, { field: first.field, userMessage: first.message });
}

/**
 * Saves a rule set as its scope's next version, after the checks every version passes (no reaching
 * back before today, a closed or past year, overlapping or negative caps); nothing is written when
 * refused. The saved document (who, when) is the version's audit trail.
 */
export async function addVersion({ db, caller, now }: { readonly db: CloudDatabase; readonly caller: Caller; readonly now: Date }, config: YearConfig, candidate: Omit<RuleSet, 'version'>): Promise<RuleSetView> {
  refuseInvalidVersion(config, now, candidate);
  const key = scopeKey(candidate.scope);
  const version = Math.max(0, ...config.ruleSetDocuments.filter((document) => document.scopeKey === key).map((document) => document.version)) + 1;
  const document: RuleSetDocument = {
    _id: `rules-${key.replace(':', '-')}-${candidate.year}-v${version}`,
    type: 'ruleSet',
    version,
    scopeKey: key,
    ...candidate,
    savedById: caller.personId,
    savedBy: caller.name,
    savedAt: now,
  };
  if ((await pointsYearRepository(db).addRuleSet(document)) === 'taken') {
    fail('CONFLICT', `rule set version ${document._id} saved concurrently`, { userMessage: '规则已被他人更新，请刷新后再保存' });
  }
  return ruleSetView({ ...candidate, version }, document);
}
