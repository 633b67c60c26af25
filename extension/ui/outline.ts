/**
 * Marks flagged links and attachment chips in the webmail: an attribute for tests and CSS-free
 * detection, and an inline outline (the only style we put on the webmail's own elements). It
 * never changes an element's text, href or layout box (outline takes no space), and undo
 * restores exactly what was there before.
 */
import { PALETTE } from './palette';

export type FlagLevel = 'caution' | 'danger';

export const FLAG_ATTRIBUTE = 'data-kokoroe-flag';

const STYLE_PROPERTIES = ['outline', 'outline-offset'] as const;

export function outlineElements(elements: readonly Element[], level: FlagLevel): () => void {
  const saved: { el: HTMLElement | SVGElement; attr: string | null; styles: [string, string, string][] }[] = [];
  for (const el of elements) {
    if (!isStylable(el)) continue;
    saved.push({
      el,
      attr: el.getAttribute(FLAG_ATTRIBUTE),
      styles: STYLE_PROPERTIES.map((p) => [p, el.style.getPropertyValue(p), el.style.getPropertyPriority(p)]),
    });
    el.setAttribute(FLAG_ATTRIBUTE, level);
    const colour = level === 'danger' ? PALETTE.danger.accent : PALETTE.caution.accent;
    el.style.setProperty('outline', `${level === 'danger' ? 3 : 2}px ${level === 'danger' ? 'solid' : 'dashed'} ${colour}`, 'important');
    el.style.setProperty('outline-offset', '2px', 'important');
  }
  let undone = false;
  return () => {
    if (undone) return;
    undone = true;
    for (const { el, attr, styles } of saved) {
      if (attr === null) el.removeAttribute(FLAG_ATTRIBUTE);
      else el.setAttribute(FLAG_ATTRIBUTE, attr);
      for (const [property, value, priority] of styles) {
        if (value) el.style.setProperty(property, value, priority);
        else el.style.removeProperty(property);
      }
    }
  };
}

function isStylable(el: Element): el is HTMLElement | SVGElement {
  const style = (el as HTMLElement).style;
  return !!style && typeof style.setProperty === 'function';
}
