import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PROTECTED_NAMES } from '../../../shared/lookalike/brands';
import { createBrandMatcher } from '../../../shared/lookalike/brand-mentions';
import { isMixedScriptHomograph, mixesLatinAndJapanese } from '../../../shared/lookalike/homograph';
import { createLookalikeIndex } from '../../../shared/lookalike/lookalike-domain';
import { skeleton } from '../../../shared/lookalike/skeleton';

const index = createLookalikeIndex(PROTECTED_NAMES);
const matcher = createBrandMatcher(PROTECTED_NAMES);
const ownDomains = PROTECTED_NAMES.flatMap((n) => n.domains);
const relatedDomains = PROTECTED_NAMES.flatMap((n) => n.relatedDomains ?? []);
const confusableText = fc.string({
  unit: fc.oneof(fc.constantFrom(...'rnvvcl01iIlOo|аеорсуӏіαορ一ーロ口カ力ソンツシ\u00AD\u200B\u202E\uFE0F\u0301ｶﾞＡ。．'.split('')), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 })),
  maxLength: 40,
});

describe('look-alike properties', () => {
  it('skeleton is idempotent', () => {
    fc.assert(fc.property(fc.oneof(confusableText, fc.string({ unit: 'binary', maxLength: 60 })), (s) => {
      expect(skeleton(skeleton(s))).toBe(skeleton(s));
    }), { numRuns: 3000 });
  });

  it('never matches a protected domain or any of its subdomains', () => {
    const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,10}[a-z0-9])?$/);
    fc.assert(
      fc.property(fc.constantFrom(...ownDomains), fc.array(label, { maxLength: 3 }), (domain, subs) => {
        const host = [...subs, domain].join('.');
        expect(index.match(host)).toBeUndefined();
      }),
      { numRuns: 2000 },
    );
  });

  it('never matches a related domain itself', () => {
    for (const domain of relatedDomains) expect(index.match(domain), domain).toBeUndefined();
  });

  it('lookups and searches never throw', () => {
    fc.assert(
      fc.property(fc.oneof(confusableText, fc.string({ unit: 'binary', maxLength: 80 })), (s) => {
        index.match(s);
        matcher.find(s, { includeWeak: true });
        isMixedScriptHomograph(s);
        mixesLatinAndJapanese(s);
      }),
      { numRuns: 2000 },
    );
  });
});
