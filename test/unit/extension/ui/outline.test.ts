// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { FLAG_ATTRIBUTE, outlineElements } from '../../../../extension/ui/outline';

describe('outlineElements', () => {
  it('marks elements with the level and an outline, and undo restores what was there', () => {
    const a = document.createElement('a');
    a.style.setProperty('outline', '1px dotted blue');
    const before = a.style.getPropertyValue('outline');
    const b = document.createElement('div');
    document.body.append(a, b);
    const undo = outlineElements([a, b], 'danger');
    expect(a.getAttribute(FLAG_ATTRIBUTE)).toBe('danger');
    expect(b.getAttribute(FLAG_ATTRIBUTE)).toBe('danger');
    expect(b.style.getPropertyValue('outline')).toContain('solid');
    expect(b.style.getPropertyPriority('outline')).toBe('important');
    undo();
    expect(a.hasAttribute(FLAG_ATTRIBUTE)).toBe(false);
    expect(a.style.getPropertyValue('outline')).toBe(before);
    expect(b.style.getPropertyValue('outline')).toBe('');
    undo();
    expect(a.style.getPropertyValue('outline')).toBe(before);
  });

  it('uses the caution level when asked and never touches text or href', () => {
    const a = document.createElement('a');
    a.href = 'https://example.jp/';
    a.textContent = 'リンク';
    document.body.append(a);
    outlineElements([a], 'caution');
    expect(a.getAttribute(FLAG_ATTRIBUTE)).toBe('caution');
    expect(a.textContent).toBe('リンク');
    expect(a.getAttribute('href')).toBe('https://example.jp/');
  });
});
