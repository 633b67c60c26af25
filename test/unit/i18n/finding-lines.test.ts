import { describe, expect, it } from 'vitest';
import { checkTitle, findingLines, MAX_TARGET_CHARS } from '../../../shared/i18n/finding-lines';
import { findingText } from '../../../shared/i18n';
import type { Finding, Severity, TargetKind } from '../../../shared/model';

function finding(rule: string, severity: Severity, kind: TargetKind, value: string, params: Record<string, string | number> = {}): Finding {
  return { rule, severity, target: { kind, value }, params };
}

describe('findingLines', () => {
  it('puts the most severe first and keeps the order within a severity', () => {
    const lines = findingLines(
      [
        finding('rule-c', 'info', 'message', ''),
        finding('rule-a', 'caution', 'link', 'https://a.example/'),
        finding('rule-d', 'danger', 'attachment', 'x.exe'),
        finding('rule-b', 'caution', 'link', 'https://b.example/'),
      ],
      'ja',
    );
    expect(lines.map((l) => l.rules[0])).toEqual(['rule-d', 'rule-a', 'rule-b', 'rule-c']);
    expect(lines.map((l) => l.severity)).toEqual(['danger', 'caution', 'caution', 'info']);
  });

  it('shows a rule without texts by its id, never hides it', () => {
    const [line] = findingLines([finding('no-such-rule', 'danger', 'link', 'https://x.example/')], 'en');
    expect(line).toEqual({ severity: 'danger', title: 'no-such-rule', message: '', targets: [{ kind: 'link', value: 'https://x.example/' }], rules: ['no-such-rule'] });
  });

  it('writes each sentence once, with each kind and value once', () => {
    const f = finding('no-such-rule', 'caution', 'link', 'https://x.example/');
    const lines = findingLines([f, { ...f }, { ...f, target: { kind: 'sender', value: 'https://x.example/' } }, { ...f, target: { kind: 'link', value: 'https://y.example/' } }], 'ja');
    expect(lines).toHaveLength(1);
    expect(lines[0]!.targets).toEqual([
      { kind: 'link', value: 'https://x.example/' },
      { kind: 'sender', value: 'https://x.example/' },
      { kind: 'link', value: 'https://y.example/' },
    ]);
  });

  it('takes titles and messages from findingText in the reader’s language', () => {
    const f = finding('link-userinfo', 'danger', 'link', 'https://bank.example@evil.example/', { shown: 'https://bank.example', domain: 'evil.example' });
    for (const lang of ['ja', 'en'] as const) {
      const [line] = findingLines([f], lang);
      expect(line!.title).toBe(findingText(f, lang).title);
      expect(line!.message).toBe(findingText(f, lang).message);
    }
  });

  it('clips long target values and skips empty ones', () => {
    const long = `https://x.example/${'a'.repeat(2 * MAX_TARGET_CHARS)}`;
    const [line] = findingLines([finding('r', 'caution', 'link', long), finding('r', 'caution', 'body', '')], 'en');
    expect(line!.targets).toHaveLength(1);
    expect(line!.targets[0]!.value).toHaveLength(MAX_TARGET_CHARS + 1);
    expect(line!.targets[0]!.value.endsWith('…')).toBe(true);
  });

  it('shows a target without a kind as being about the message', () => {
    const malformed = { rule: 'r', severity: 'caution', target: { value: 'v' }, params: {} } as unknown as Finding;
    expect(findingLines([malformed], 'ja')[0]!.targets).toEqual([{ kind: 'message', value: 'v' }]);
  });
});

describe('checkTitle', () => {
  it('names a known check and keeps an unknown id as written', () => {
    expect(checkTitle('no-such-check', 'ja')).toBe('no-such-check');
    expect(checkTitle('link-userinfo', 'en')).toBe(findingText(finding('link-userinfo', 'danger', 'link', 'x'), 'en').title);
  });
});
