import type { FunctionDeclaration } from '../../server/deploy/functions';
import { functionDeclarations, worstCaseMs } from '../../server/deploy/functions';
import type { Figure } from './stats';

/**
 * Each function's (and so each timer's) modelled worst case at 1,000 pairings under WeChat's worst
 * latency, against its declared timeout (server/deploy/functions.ts; the request counts are measured by
 * tests/functions/worstCases*.test.ts and the timers' own tests). Figures, not a pass/fail: the test
 * functionDeclarations.test.ts is what refuses a timeout that does not cover its worst case.
 */
export function functionBudgetFigures(): Figure[] {
  return (functionDeclarations as readonly FunctionDeclaration[]).flatMap((declaration) => {
    const label = declaration.trigger ? `${declaration.name} (timer ${declaration.trigger.name})` : declaration.name;
    const modelled = worstCaseMs(declaration);
    const timeoutMs = declaration.timeoutSeconds * 1000;
    return [
      { name: `${label} modelled worst case (${declaration.worstCase.dbRounds} db + ${declaration.worstCase.openapiRounds} openapi rounds, ${declaration.worstCase.basis})`, value: modelled, unit: 'ms' },
      { name: `${label} timeout`, value: timeoutMs, unit: 'ms' },
      { name: `${label} worst case / timeout`, value: Math.round((modelled / timeoutMs) * 1000) / 1000, unit: 'ratio' },
    ];
  });
}
