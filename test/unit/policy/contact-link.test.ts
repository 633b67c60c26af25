import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { telHref } from '../../../shared/policy/contact-link';

describe('telHref', () => {
  it.each([
    ['03-1234-5678', 'tel:0312345678'],
    ['+81 3 1234 5678', 'tel:+81312345678'],
    ['+81-3-1234-+5678', 'tel:+81312345678'],
    ['０３－１２３４－５６７８', 'tel:0312345678'],
    ['＋８１ ３ １２３４ ５６７８', 'tel:+81312345678'],
    ['内線 1234', 'tel:1234'],
    ['0120-123-456 #2', 'tel:01201234562'],
    ['内線なし', undefined],
    ['なし', undefined],
    ['javascript:alert(1)', undefined],
    ['javascript:alert(12)', undefined],
    ['javascript:alert(123)', 'tel:123'],
    ['', undefined],
    [undefined, undefined],
  ])('%s → %s', (phone, expected) => {
    expect(telHref(phone)).toBe(expected);
  });

  it('only ever gives tel: with digits and at most one leading +', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (phone) => {
        const href = telHref(phone);
        if (href !== undefined) expect(href).toMatch(/^tel:\+?[0-9]{3,}$/);
      }),
    );
  });
});
