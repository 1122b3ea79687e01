/**
 * `npm run build:functions`: write every cloudfunctions/<name>/config.json and the deploy guide's
 * function table (README.md, 部署到微信) from the one declaration, server/deploy/functions.ts.
 * `npm run build:cloud` writes the same config.json into each deployable folder.
 * tests/functions/functionDeclarations.test.ts fails when a committed file differs from this.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { FunctionDeclaration } from '../server/deploy/functions';
import { configJsonOf, functionDeclarations, functionTable } from '../server/deploy/functions';
import { projectRoot } from './paths';

export const TABLE_BEGIN = '<!-- functions:begin (npm run build:functions) -->';
export const TABLE_END = '<!-- functions:end -->';
const INDENT = '   ';

export function configJsonText(declaration: FunctionDeclaration): string {
  return `${JSON.stringify(configJsonOf(declaration), null, 2)}\n`;
}

export function configJsonPath(name: string): string {
  return path.join(projectRoot, 'cloudfunctions', name, 'config.json');
}

/** The README with its function table block replaced by the generated one. */
export function readmeWithFunctionTable(readme: string): string {
  const begin = readme.indexOf(TABLE_BEGIN);
  const end = readme.indexOf(TABLE_END);
  if (begin < 0 || end < begin) throw new Error(`README.md has no function table block (${TABLE_BEGIN} … ${TABLE_END})`);
  const table = functionTable()
    .split('\n')
    .map((line) => `${INDENT}${line}`)
    .join('\n');
  return `${readme.slice(0, begin)}${TABLE_BEGIN}\n\n${table}\n\n${INDENT}${readme.slice(end)}`;
}

if (require.main === module) {
  for (const declaration of functionDeclarations) writeFileSync(configJsonPath(declaration.name), configJsonText(declaration));
  const readmePath = path.join(projectRoot, 'README.md');
  writeFileSync(readmePath, readmeWithFunctionTable(readFileSync(readmePath, 'utf8')));
  console.log(`已生成 ${functionDeclarations.length} 个 config.json 和 README 的云函数表`);
}
