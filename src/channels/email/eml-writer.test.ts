// The .eml writer thread: batches written whole, a missing folder made (again), one bad path
// failing only its own write, and close() waiting for what it was given.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EmlWriter } from './eml-writer.ts';

const root = mkdtempSync(join(tmpdir(), 'comptoir-eml-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('the .eml writer', () => {
  it('writes a burst of messages, each to its file, making the folder', async () => {
    const writer = new EmlWriter();
    const dir = join(root, 'outbox', 'nested');
    await Promise.all(Array.from({ length: 200 }, (_, i) => writer.write(join(dir, `m${i}.eml`), `Subject: ${i}\r\n\r\nbody ${i}\r\n`)));
    expect(readdirSync(dir)).toHaveLength(200);
    expect(readFileSync(join(dir, 'm137.eml'), 'latin1')).toBe('Subject: 137\r\n\r\nbody 137\r\n');
    await writer.close();
  });

  it('makes the folder again when it went away meanwhile', async () => {
    const writer = new EmlWriter();
    const dir = join(root, 'cleaned');
    await writer.write(join(dir, 'a.eml'), 'a');
    rmSync(dir, { recursive: true });
    await writer.write(join(dir, 'b.eml'), 'b');
    expect(readdirSync(dir)).toEqual(['b.eml']);
    await writer.close();
  });

  it('fails only the write whose path cannot be written', async () => {
    const writer = new EmlWriter();
    const blocker = join(root, 'not-a-folder');
    writeFileSync(blocker, 'a file where a folder should be');
    const [bad, good] = await Promise.allSettled([writer.write(join(blocker, 'x.eml'), 'x'), writer.write(join(root, 'fine', 'y.eml'), 'y')]);
    expect(bad).toMatchObject({ status: 'rejected', reason: { code: expect.stringMatching(/^(EEXIST|ENOTDIR)$/) } });
    expect(good.status).toBe('fulfilled');
    expect(readFileSync(join(root, 'fine', 'y.eml'), 'latin1')).toBe('y');
    await writer.close();
  });

  it('closes after the writes it was given, and starts again on the next one', async () => {
    const writer = new EmlWriter();
    const dir = join(root, 'closing');
    const writes = Array.from({ length: 20 }, (_, i) => writer.write(join(dir, `c${i}.eml`), String(i)));
    await writer.close();
    await Promise.all(writes);
    expect(readdirSync(dir)).toHaveLength(20);
    await writer.write(join(dir, 'after.eml'), 'after');
    expect(readFileSync(join(dir, 'after.eml'), 'latin1')).toBe('after');
    await writer.close();
  });
});
