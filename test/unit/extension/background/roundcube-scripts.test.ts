/**
 * Roundcube origins from policy become match patterns only when they are plain web origins.
 */
import { describe, expect, test } from 'vitest';
import { originPattern } from '../../../../extension/entrypoints/background/roundcube-scripts';

describe('originPattern', () => {
  test.each([
    ['https://webmail.example.jp', 'https://webmail.example.jp/*'],
    ['https://webmail.example.jp/', 'https://webmail.example.jp/*'],
    ['https://webmail.example.jp:8443', 'https://webmail.example.jp/*'],
    ['http://127.0.0.1:42875', 'http://127.0.0.1/*'],
    ['ftp://webmail.example.jp', undefined],
    ['javascript:alert(1)', undefined],
    ['webmail.example.jp', undefined],
    ['', undefined],
  ])('%s → %s', (origin, pattern) => {
    expect(originPattern(origin)).toBe(pattern);
  });
});
