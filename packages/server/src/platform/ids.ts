import crypto, { createHash, randomBytes, randomUUID } from 'node:crypto';

export const newId = (): string => randomUUID();
export const nowIso = (): string => new Date().toISOString();
export const randomSecret = (bytes = 32): string => randomBytes(bytes).toString('base64url');
/** One-shot `crypto.hash` where Node has it (20.12 and later): the same digest, without a Hash object. */
const oneShot = (crypto as { hash?: (algorithm: string, data: string, encoding: 'hex') => string }).hash;
export const sha256 = oneShot ? (text: string): string => oneShot('sha256', text, 'hex') : (text: string): string => createHash('sha256').update(text).digest('hex');
