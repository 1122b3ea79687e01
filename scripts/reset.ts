/** `npm run reset`: delete the local cloud's data; the next `npm start` seeds the demo district again. */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { dataDirFromEnv, projectRoot } from './paths';

const dir = dataDirFromEnv();
if (!dir.startsWith(projectRoot + path.sep) && process.env.GONGJIAN_DATA_DIR === undefined) throw new Error(`refusing to delete ${dir}`);
rmSync(dir, { recursive: true, force: true });
console.log(`已清空本地数据：${path.relative(projectRoot, dir) || dir}/，下次 npm start 会重新写入演示数据。`);
