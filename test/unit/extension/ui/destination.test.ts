import { describe, expect, it } from 'vitest';
import { describeDestination } from '../../../../extension/ui/destination';
import { postureLimitText, postureValueText, uiLangOf } from '../../../../extension/ui/texts';

describe('describeDestination', () => {
  it.each([
    ['https://login.example.co.jp/path?q=1', 'https://login.', 'example.co.jp', '/path?q=1'],
    ['https://bank.example@evil.example/x', 'https://bank.example@', 'evil.example', '/x'],
    ['https://evil.example@evil.example/', 'https://evil.example@', 'evil.example', '/'],
    ['http://sub.evil.example:8080/', 'http://sub.', 'evil.example', ':8080/'],
  ])('splits %s around its registrable domain', (href, before, domain, after) => {
    const view = describeDestination(href);
    expect(view.parts).toEqual({ before, domain, after });
    expect(view.parts.before + view.parts.domain + view.parts.after).toBe(view.href);
    expect(view.webScheme).toBe(true);
  });

  it('shows the Unicode form beside the punycode one when they differ', () => {
    const view = describeDestination('https://xn--80ak6aa92e.com/');
    expect(view.hostname).toBe('xn--80ak6aa92e.com');
    expect(view.unicodeHostname).toBe('аррӏе.com');
  });

  it('does not offer non-web schemes', () => {
    expect(describeDestination('javascript:alert(1)').webScheme).toBe(false);
    expect(describeDestination('not a url').webScheme).toBe(false);
  });
});

describe('texts', () => {
  it('follows the browser language: ja for Japanese or unknown, en otherwise', () => {
    expect(uiLangOf('ja')).toBe('ja');
    expect(uiLangOf('ja-JP')).toBe('ja');
    expect(uiLangOf(undefined)).toBe('ja');
    expect(uiLangOf('en-US')).toBe('en');
    expect(uiLangOf('fr')).toBe('en');
  });

  it('shows posture values for people', () => {
    expect(postureValueText('true', 'ja')).toBe('はい');
    expect(postureValueText(undefined, 'en')).toBe('Unknown');
    expect(postureValueText('2026-08-01T00:00:00Z', 'ja', 48)).toMatch(/^2026年8月1日（2 日前）$/);
    expect(postureValueText('142.0.1', 'ja')).toBe('142.0.1');
    expect(postureLimitText('35 days', 'ja')).toBe('35 日以内');
    expect(postureLimitText('48 hours', 'en')).toBe('within 48 hours');
    expect(postureLimitText('142', 'ja')).toBe('142');
    expect(postureLimitText(undefined, 'ja')).toBe('不明');
  });
});
