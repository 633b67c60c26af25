import { describe, expect, it } from 'vitest';
import { addressText } from '../../../shared/i18n/address-text';

describe('addressText', () => {
  it.each([
    [{ name: '総務課', address: 'soumu@example.com' }, '総務課 <soumu@example.com>'],
    [{ address: 'soumu@example.com' }, '<soumu@example.com>'],
    [{ name: '総務課' }, '総務課'],
    [{}, ''],
    [undefined, ''],
  ])('%j → %s', (address, expected) => {
    expect(addressText(address)).toBe(expected);
  });
});
