import { describe, expect, it } from 'vitest';
import { PROTECTED_NAMES } from '../../../shared/lookalike/brands';
import { normalizeDomain } from '../../../shared/url/domains';

describe('PROTECTED_NAMES', () => {
  it('has unique ids', () => {
    const ids = PROTECTED_NAMES.map((n) => n.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('every entry has names and canonical domains', () => {
    for (const brand of PROTECTED_NAMES) {
      expect(brand.names.length, brand.id).toBeGreaterThan(0);
      expect(brand.domains.length, brand.id).toBeGreaterThan(0);
      for (const domain of [...brand.domains, ...(brand.relatedDomains ?? [])]) {
        expect(normalizeDomain(domain), `${brand.id}: ${domain}`).toBe(domain);
      }
    }
  });

  it('weak names are not repeated as strong names', () => {
    for (const brand of PROTECTED_NAMES) {
      for (const weak of brand.weakNames ?? []) expect(brand.names, brand.id).not.toContain(weak);
    }
  });

  it('a domain is not both own and related', () => {
    for (const brand of PROTECTED_NAMES) {
      for (const related of brand.relatedDomains ?? []) expect(brand.domains, brand.id).not.toContain(related);
    }
  });

  it('covers the names the issue requires', () => {
    const required: [string, string][] = [
      ['mhlw', 'mhlw.go.jp'],
      ['nta', 'nta.go.jp'],
      ['microsoft', 'microsoftonline.com'],
      ['google', 'google.com'],
      ['apple', 'apple.com'],
      ['amazon', 'amazon.co.jp'],
      ['rakuten', 'rakuten.co.jp'],
      ['eki-net', 'eki-net.com'],
      ['jcb', 'jcb.co.jp'],
      ['smbc-card', 'smbc-card.com'],
      ['mufg', 'mufg.jp'],
      ['mizuho', 'mizuhobank.co.jp'],
      ['yucho', 'japanpost.jp'],
      ['yamato', 'kuronekoyamato.co.jp'],
      ['sagawa', 'sagawa-exp.co.jp'],
      ['japanpost', 'japanpost.jp'],
      ['nhk', 'nhk.or.jp'],
      ['etc-meisai', 'etc-meisai.jp'],
      ['docomo', 'docomo.ne.jp'],
      ['au-kddi', 'au.com'],
      ['softbank', 'softbank.jp'],
      ['paypay', 'paypay.ne.jp'],
      ['mercari', 'mercari.com'],
      ['netflix', 'netflix.com'],
      ['dhl', 'dhl.com'],
    ];
    for (const [id, domain] of required) {
      const brand = PROTECTED_NAMES.find((n) => n.id === id);
      expect(brand, id).toBeDefined();
      expect(brand?.domains, id).toContain(domain);
    }
  });
});
