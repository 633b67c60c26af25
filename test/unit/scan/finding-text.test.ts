/**
 * findingText / uiText: placeholders filled as plain text, combined findings list the reasons in
 * the reader's language, unknown rules still get a title, and the neutral mark never claims safety.
 */
import { describe, expect, it } from 'vitest';
import { findingText, uiText, UI_TEXTS } from '../../../shared/i18n';
import type { Finding } from '../../../shared/model';

const f = (rule: string, params: Finding['params'] = {}): Finding => ({ rule, severity: 'danger', target: { kind: 'sender', value: 'x' }, params });

describe('findingText', () => {
  it('fills placeholders in Japanese and English', () => {
    const finding = f('sender-brand-mismatch', { brand: '三井住友カード', domain: 'vpass.example.cn' });
    expect(findingText(finding, 'ja').message).toBe('差出人は「三井住友カード」を名乗っていますが、送信元のドメイン vpass.example.cn は三井住友カードのものではありません。リンクを開かず、管理者に相談してください。');
    expect(findingText(finding, 'en').message).toContain('does not belong to 三井住友カード');
  });

  it('keeps markup and control characters from mail as inert text', () => {
    const t = findingText(f('sender-brand-mismatch', { brand: '<img src=x onerror=alert(1)>\u202E', domain: 'a\nb' }), 'ja').message;
    expect(t).toContain('<img src=x onerror=alert(1)>');
    expect(t).not.toMatch(/[\u202E\n]/);
  });

  it('lists the titles of combined signs in the reader’s language', () => {
    const combined = f('signals-combined', { rules: 'body-prize-lure,subject-random-token', count: 2 });
    expect(findingText(combined, 'ja').message).toContain('当選・プレゼントの誘い、件名に無意味な文字列');
    expect(findingText(combined, 'en').message).toContain('Prize or gift bait, Random code in the subject');
  });

  it('gives an unknown rule its id as title', () => {
    expect(findingText(f('no-such-rule'), 'ja')).toEqual({ title: 'no-such-rule', message: '' });
  });

  it('never tells the user a message is safe', () => {
    for (const entry of Object.values(UI_TEXTS)) expect(entry.ja).not.toContain('安全です');
    expect(uiText('verdict.none', 'ja')).toBe('気になる点は見つかりませんでした');
    expect(uiText('action.consult', 'ja')).toBe('管理者に相談');
    expect(uiText('action.openAnyway', 'ja')).toBe('それでも開く');
    expect(uiText('cli.summary', 'en', { total: 3, danger: 1, caution: 1, safe: 1, ms: 5 })).toBe('3 messages: 1 danger, 1 caution, 1 no findings (5 ms)');
  });
});
