/**
 * The fingerprints in every result (rulebook and calendar hashes) are audit
 * evidence: SHA-256 must be SHA-256. Known answers from FIPS 180-2, and an
 * independent implementation (node:crypto) on generated text.
 */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../src/rulebook/hash.js';

describe('sha256Hex', () => {
  it('gives the FIPS 180-2 known answers', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe('248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1');
  });
  it('agrees with node:crypto on any text, Chinese and astral characters included', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        expect(sha256Hex(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
      }),
      { numRuns: 300 },
    );
    expect(sha256Hex('保险销售行为可回溯管理暂行办法')).toBe(createHash('sha256').update('保险销售行为可回溯管理暂行办法', 'utf8').digest('hex'));
  });
});
