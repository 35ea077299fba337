// Password hashing with Argon2id (memory-hard; RFC 9106), using Node's built-in
// implementation. Hashes are PHC strings so parameters can be raised later: a hash made
// with weaker parameters still verifies and is flagged for rehash on the next login.
import { argon2, randomBytes, timingSafeEqual } from 'node:crypto';

export interface Argon2Params {
  memoryKiB: number;
  passes: number;
  parallelism: number;
}

/** OWASP's recommended minimum for Argon2id: 19 MiB, 2 passes, 1 lane. */
export const defaultArgon2: Argon2Params = { memoryKiB: 19456, passes: 2, parallelism: 1 };

const TAG_LENGTH = 32;

function derive(password: string, salt: Buffer, p: Argon2Params, tagLength = TAG_LENGTH): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    argon2(
      'argon2id',
      {
        message: Buffer.from(password.normalize('NFC'), 'utf8'),
        nonce: salt,
        parallelism: p.parallelism,
        tagLength,
        memory: p.memoryKiB,
        passes: p.passes,
      },
      (error, key) => (error ? reject(error) : resolve(key)),
    );
  });
}

export async function hashPassword(password: string, params: Argon2Params = defaultArgon2): Promise<string> {
  const salt = randomBytes(16);
  const hash = await derive(password, salt, params);
  return `$argon2id$v=19$m=${params.memoryKiB},t=${params.passes},p=${params.parallelism}$${b64(salt)}$${b64(hash)}`;
}

export interface VerifyResult {
  ok: boolean;
  /** True when the stored hash used weaker parameters than the current ones. */
  needsRehash: boolean;
}

export async function verifyPassword(
  password: string,
  phc: string,
  current: Argon2Params = defaultArgon2,
): Promise<VerifyResult> {
  const parsed = parsePhc(phc);
  if (!parsed) return { ok: false, needsRehash: false };
  const actual = await derive(password, parsed.salt, parsed.params, parsed.hash.length);
  const ok = actual.length === parsed.hash.length && timingSafeEqual(actual, parsed.hash);
  const needsRehash =
    parsed.params.memoryKiB < current.memoryKiB ||
    parsed.params.passes < current.passes ||
    parsed.params.parallelism !== current.parallelism;
  return { ok, needsRehash };
}

/**
 * A hash of a random password, verified against when the e-mail is unknown, so a login
 * for a missing account takes as long as one for an existing account.
 */
export async function decoyHash(params: Argon2Params = defaultArgon2): Promise<string> {
  return hashPassword(randomBytes(18).toString('base64'), params);
}

function parsePhc(phc: string): { params: Argon2Params; salt: Buffer; hash: Buffer } | undefined {
  const m = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/.exec(phc);
  if (!m) return undefined;
  return {
    params: { memoryKiB: Number(m[1]), passes: Number(m[2]), parallelism: Number(m[3]) },
    salt: Buffer.from(m[4]!, 'base64'),
    hash: Buffer.from(m[5]!, 'base64'),
  };
}

const b64 = (buffer: Buffer) => buffer.toString('base64').replace(/=+$/, '');
