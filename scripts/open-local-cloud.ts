import { collections } from '../server/db/collections';
import { LocalCloud, loadFunctions } from '../localcloud';
import { cloudFunctionsBuild, cloudFunctionsSource, dataDirFromEnv, knownPages } from './paths';

/**
 * The one documented way for a Node script to use the local cloud as `wx-server-sdk`:
 *
 *   const local = openLocalCloud();            // data in .local-cloud/ (GONGJIAN_DATA_DIR)
 *   const cloud = require('wx-server-sdk');     // now answered by the local cloud
 *   await cloud.database().collection('units').get();
 *   local.close();
 *
 * Functions come from the built bundles (dist/cloudfunctions, as deployed) or from the TypeScript
 * source when running under tsx or jest. This is where the server's collection declaration meets the
 * local cloud (which takes any declaration of the same shape): neither imports the other.
 */
export function openLocalCloud(options: { dataDir?: string | null; functionsFrom?: 'build' | 'source' | 'none'; now?: () => Date } = {}): LocalCloud {
  const from = options.functionsFrom ?? 'build';
  const functions = from === 'build' ? loadFunctions(cloudFunctionsBuild, 'index.js') : from === 'source' ? loadFunctions(cloudFunctionsSource, 'index.ts') : [];
  return new LocalCloud({
    dataDir: options.dataDir === undefined ? dataDirFromEnv() : options.dataDir,
    collections,
    functions,
    pages: knownPages(),
    ...(options.now ? { now: options.now } : {}),
  });
}
