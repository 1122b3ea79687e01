import { readFileSync } from 'node:fs';
import path from 'node:path';
import { collectionsGuide } from '../../scripts/deploy-guide';

describe('deploy guide', () => {
  it('lists exactly the collections and indexes declared in code (run npm run docs:collections after changing them)', () => {
    const committed = readFileSync(path.join(__dirname, '..', '..', 'docs', 'collections.md'), 'utf8');
    expect(committed).toBe(collectionsGuide());
    expect(committed).toContain('`people` | 人员及其角色');
  });
});
