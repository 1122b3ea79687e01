/**
 * Errors answered on the wire, shaped like the cloud's `{ code, message }`.
 *
 * wx-server-sdk turns `code` into `errCode` through its TCB_ERR_CODE table
 * (unknown codes become -501001) and builds the user-visible errMsg as
 * `<api>:fail <errCode> <errCode text>. <message>`, e.g.
 * `collection.get:fail -502005 database collection not exists. [ResourceNotFound] Db or Table not exist. ...`.
 */
export type WireErrorCode =
  | 'DATABASE_COLLECTION_NOT_EXIST' // -502005
  | 'DATABASE_REQUEST_FAILED' // -502001
  | 'DATABASE_INVALID_OPERRATOR' // -502002 (sic, the SDK's spelling)
  | 'INVALID_PARAM' // -501007
  | 'DATABASE_TRANSACTION_CONFLICT' // -501001; runTransaction retries on this code
  | 'DATABASE_TRANSACTION_FAIL' // -501001
  | 'DATABASE_COLLECTION_ALREADY_EXIST' // -501001
  | 'EXCEED_CONCURRENT_REQUEST_LIMIT'; // -501004

export class CloudDbError extends Error {
  constructor(
    readonly code: WireErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'CloudDbError';
  }
}

/** The cloud's text for a missing collection (as seen in WeChat error reports). */
export const COLLECTION_NOT_EXIST_MESSAGE =
  '[ResourceNotFound] Db or Table not exist. Please check your request, but if the problem cannot be solved, contact us.';

/** Same message as the SDK's own ERRORS.DATABASE_TRANSACTION_CONFLICT. */
export const TRANSACTION_CONFLICT_MESSAGE = 'database transaction conflict';

export function collectionNotExists(): CloudDbError {
  return new CloudDbError('DATABASE_COLLECTION_NOT_EXIST', COLLECTION_NOT_EXIST_MESSAGE);
}

export function collectionAlreadyExists(): CloudDbError {
  return new CloudDbError('DATABASE_COLLECTION_ALREADY_EXIST', '[ResourceInUse] Table exist.');
}

export function invalidParam(detail: string): CloudDbError {
  return new CloudDbError('INVALID_PARAM', `[InvalidParameter] ${detail}`);
}

export function requestFailed(detail: string): CloudDbError {
  return new CloudDbError('DATABASE_REQUEST_FAILED', `[FailedOperation] ${detail}`);
}

export function invalidOperator(detail: string): CloudDbError {
  return new CloudDbError('DATABASE_INVALID_OPERRATOR', `[InvalidParameter] ${detail}`);
}

export function duplicateKey(collection: string, index: string, key: string): CloudDbError {
  const dupKey = key ? ` dup key: { ${key} }` : '';
  return requestFailed(`E11000 duplicate key error collection: ${collection} index: ${index}${dupKey}`);
}

export function transactionConflict(): CloudDbError {
  return new CloudDbError('DATABASE_TRANSACTION_CONFLICT', TRANSACTION_CONFLICT_MESSAGE);
}

export function transactionNotFound(id: string): CloudDbError {
  return new CloudDbError('DATABASE_TRANSACTION_FAIL', `[FailedOperation] transaction ${id} does not exist or has already finished`);
}

/**
 * Refusal of where()/count()/aggregate() inside a transaction. The cloud only
 * runs single-document operations (doc().get/set/update/remove and add) in a
 * transaction; the SDK sends count/update/remove/aggregate of a transaction's
 * collection WITHOUT the transaction id, so in WeChat they would silently run
 * outside the transaction. Refusing them locally surfaces that bug.
 */
export function notAllowedInTransaction(operation: string): CloudDbError {
  return requestFailed(
    `${operation} is not allowed in a transaction: only doc().get/set/update/remove and collection.add run inside a transaction`,
  );
}

export function toCloudDbError(error: unknown): CloudDbError {
  if (error instanceof CloudDbError) return error;
  return requestFailed(errorMessage(error));
}

/** The message of an error of any realm (native modules may throw foreign Error instances). */
export function errorMessage(error: unknown): string {
  if (error !== null && typeof error === 'object' && typeof (error as { message?: unknown }).message === 'string') {
    return (error as { message: string }).message;
  }
  return String(error);
}

/** More requests at once than the environment's concurrent connections (WeChat refuses the rest). */
export function concurrentRequestLimit(detail: string): CloudDbError {
  return new CloudDbError('EXCEED_CONCURRENT_REQUEST_LIMIT', `[LimitExceeded] ${detail}`);
}
