/**
 * `npm run docs:collections`: write docs/collections.md — the collections, indexes and permissions to
 * create in the WeChat cloud console — from the one declaration in server/db/collections.ts.
 * A test fails when the committed file differs from what this generates.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { collections } from '../server/db/collections';
import { projectRoot } from './paths';

export function collectionsGuide(): string {
  const lines = [
    '# 云数据库集合与索引',
    '',
    '> 本文件由 `npm run docs:collections` 根据 `server/db/collections.ts` 生成，请勿手改。',
    '',
    '在云开发控制台 → 数据库中逐一创建下列集合；每个集合的“数据权限”选 **自定义安全规则**，规则为 `{"read": false, "write": false}`：',
    '小程序端不直接读写任何集合，一切读写都经过云函数。',
    '',
    '| 集合 | 用途 | 索引（名称：字段 升/降序） | 唯一 |',
    '| --- | --- | --- | --- |',
  ];
  for (const collection of collections) {
    const indexes = collection.indexes as ReadonlyArray<{ name: string; unique?: boolean; fields: ReadonlyArray<{ path: string; order?: 'asc' | 'desc' }> }>;
    if (indexes.length === 0) lines.push(`| \`${collection.name}\` | ${collection.description} | （无） | |`);
    indexes.forEach((index, position) => {
      const fields = index.fields.map((field) => `\`${field.path}\` ${field.order === 'desc' ? '降序' : '升序'}`).join('，');
      lines.push(`| ${position === 0 ? `\`${collection.name}\`` : ''} | ${position === 0 ? collection.description : ''} | ${index.name}：${fields} | ${index.unique ? '是' : ''} |`);
    });
  }
  lines.push('');
  return lines.join('\n');
}

if (require.main === module) {
  const file = path.join(projectRoot, 'docs', 'collections.md');
  writeFileSync(file, collectionsGuide());
  console.log(`已生成 ${path.relative(projectRoot, file)}`);
}
