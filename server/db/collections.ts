import type { CollectionSpec } from './collectionSpec';
import { adminCollections } from './schema/admin';
import { organisationCollections } from './schema/organisations';
import { pointsCollections } from './schema/points';
import { recordCollections } from './schema/records';
import { surveyCollections } from './schema/surveys';

/**
 * Every collection of the cloud database and its indexes: the single declaration from which the
 * local cloud creates real indexes and the deploy guide lists what to create in the WeChat console.
 * Each area declares its collections in schema/<area>.ts. Clients read and write nothing directly:
 * every collection's permission is "no client access"; all access goes through the cloud functions.
 */
export const collections = [...organisationCollections, ...recordCollections, ...surveyCollections, ...adminCollections, ...pointsCollections] as const satisfies readonly CollectionSpec[];

export type CollectionName = (typeof collections)[number]['name'];
