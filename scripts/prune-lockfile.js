#!/usr/bin/env node
/**
 * Runs after `npm install` (postinstall). The npm registry reachable here lacks some optional
 * platform packages (e.g. @tarojs/binding for macOS, Windows and linux-arm64, 404). `npm install`
 * skips them but leaves them declared in package-lock.json, and `npm ci` then refuses the lock
 * as "out of sync". This removes optional dependencies that have no entry in the lock, so that
 * `npm ci` works on a fresh machine. It changes nothing when there is nothing to prune.
 */
const fs = require('node:fs');
const path = require('node:path');

const file = path.join(__dirname, '..', 'package-lock.json');
if (!fs.existsSync(file)) process.exit(0);
const lock = JSON.parse(fs.readFileSync(file, 'utf8'));
const pruned = [];
for (const [key, entry] of Object.entries(lock.packages ?? {})) {
  const optional = entry.optionalDependencies;
  if (!optional) continue;
  for (const name of Object.keys(optional)) {
    const nested = key ? `${key}/node_modules/${name}` : `node_modules/${name}`;
    if (!lock.packages[nested] && !lock.packages[`node_modules/${name}`]) {
      delete optional[name];
      pruned.push(`${key || '(root)'} → ${name}`);
    }
  }
}
if (pruned.length > 0) {
  fs.writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
  console.log(`package-lock.json: removed optional dependencies the registry does not serve:\n  ${pruned.join('\n  ')}`);
}
