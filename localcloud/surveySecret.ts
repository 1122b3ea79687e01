import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** The file of the data folder that keeps the local survey secret. */
export const SURVEY_SECRET_FILE = 'survey-secret';
/** Set beside `GJ_SURVEY_SECRET` when the local cloud chose it (so a later local cloud may choose again). */
const MARKER = 'GJ_SURVEY_SECRET_SOURCE';
const MIN_LENGTH = 32;

let inMemory: string | undefined;

/**
 * Gives the cloud functions their `GJ_SURVEY_SECRET`, as WeChat's console would: the operator's own
 * value when one was set in the environment, else a random secret generated once and kept in the
 * data folder (`survey-secret`, readable by the owner only), or, for an in-memory cloud, one random
 * secret per process. Nothing secret is in the source.
 */
export function provideSurveySecret(dataDir: string | null): void {
  const given = process.env.GJ_SURVEY_SECRET;
  if (given !== undefined && given !== '' && process.env[MARKER] === undefined) return;
  process.env.GJ_SURVEY_SECRET = dataDir === null ? (inMemory ??= newSecret()) : secretOfFolder(dataDir);
  process.env[MARKER] = dataDir === null ? 'memory' : 'data-folder';
}

function secretOfFolder(dataDir: string): string {
  const file = path.join(dataDir, SURVEY_SECRET_FILE);
  const kept = readKept(file);
  if (kept !== undefined) return kept;
  const secret = newSecret();
  try {
    writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
    return secret;
  } catch (error) {
    // Another process created it at the same moment: use theirs.
    const theirs = readKept(file);
    if (theirs !== undefined) return theirs;
    throw error;
  }
}

function readKept(file: string): string | undefined {
  try {
    const text = readFileSync(file, 'utf8').trim();
    if (text.length >= MIN_LENGTH) return text;
    throw new Error(`${file} holds no usable survey secret (shorter than ${MIN_LENGTH} characters): delete it to have a new one generated`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

function newSecret(): string {
  return randomBytes(32).toString('base64url');
}
