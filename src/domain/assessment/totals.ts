import type { UnitPoints } from '../points/engine';
import { round2 } from '../points/rules';

/**
 * The annual assessment's totals (notice 四(四)): each unit's year total, and each street's units
 * together. Street totals follow the unit's own street (街道机关和驻街单位 belong to their street;
 * district units are listed under the street where they sit).
 */
export interface UnitTotalRow {
  readonly unitId: string;
  readonly unitName: string;
  readonly unitCode: string;
  readonly streetId: string;
  readonly orgNames: readonly string[];
  readonly earned: number;
  readonly deducted: number;
  readonly evaluation: number;
  readonly total: number;
  readonly byRule: Readonly<Record<string, number>>;
  /** Months and quarters done (or late) against those required so far. */
  readonly cadenceDone: number;
  readonly cadenceRequired: number;
  readonly pending: number;
}

export interface UnitFacts {
  readonly unitId: string;
  readonly unitName: string;
  readonly unitCode: string;
  readonly streetId: string;
  readonly orgNames: readonly string[];
}

export function unitTotalRow(facts: UnitFacts, points: UnitPoints): UnitTotalRow {
  const entries = [...points.calendar.months, ...points.calendar.quarters, points.calendar.summary];
  const required = entries.filter((entry) => entry.status === 'done' || entry.status === 'late' || entry.status === 'missing' || entry.status === 'pending');
  return {
    ...facts,
    earned: points.totals.earned,
    deducted: points.totals.deducted,
    evaluation: points.totals.evaluation,
    total: points.totals.total,
    byRule: points.totals.byRule,
    cadenceDone: required.filter((entry) => entry.status === 'done' || entry.status === 'late').length,
    cadenceRequired: required.length,
    pending: points.pending.length,
  };
}

export interface StreetTotalRow {
  readonly streetId: string;
  readonly streetName: string;
  readonly units: number;
  readonly total: number;
  readonly average: number | null;
  /** Cadence items done against those required, 0–1. */
  readonly completionRate: number | null;
}

export function streetTotals(rows: readonly UnitTotalRow[], streets: ReadonlyArray<{ readonly id: string; readonly name: string }>): StreetTotalRow[] {
  return streets.map((street) => {
    const mine = rows.filter((row) => row.streetId === street.id);
    const total = round2(mine.reduce((sum, row) => sum + row.total, 0));
    const done = mine.reduce((sum, row) => sum + row.cadenceDone, 0);
    const required = mine.reduce((sum, row) => sum + row.cadenceRequired, 0);
    return {
      streetId: street.id,
      streetName: street.name,
      units: mine.length,
      total,
      average: mine.length === 0 ? null : round2(total / mine.length),
      completionRate: required === 0 ? null : round2(done / required),
    };
  });
}

/** Units in a stable, neutral order (by code): the order of every table unless rankings are on. */
export function neutralOrder<T extends { readonly unitCode: string }>(rows: readonly T[]): T[] {
  return [...rows].sort((a, b) => a.unitCode.localeCompare(b.unitCode));
}
