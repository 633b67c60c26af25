/**
 * Tiny element builder for every extension surface. Text goes in through `textContent` only:
 * this module must never set markup from a string (no innerHTML and friends), so a hostile
 * subject or file name can only ever become text.
 */

export type Child = Node | string | null | undefined | false;

export interface ElementProps {
  /** Space-separated class names. */
  class?: string;
  /** Attributes set with setAttribute (values are plain strings, never markup). */
  attrs?: Record<string, string | undefined>;
  /** Text content; children are appended after it. */
  text?: string;
  on?: Partial<Record<keyof HTMLElementEventMap, (event: Event) => void>>;
}

/** Creates `tag` in `doc` with props and children; strings become text nodes. */
export function h<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  props: ElementProps = {},
  children: readonly Child[] = [],
): HTMLElementTagNameMap[K] {
  const el = doc.createElement(tag);
  if (props.class) el.className = props.class;
  if (props.attrs) {
    for (const [name, value] of Object.entries(props.attrs)) {
      if (value !== undefined) el.setAttribute(name, value);
    }
  }
  if (props.text !== undefined) el.textContent = props.text;
  if (props.on) {
    for (const [type, listener] of Object.entries(props.on)) {
      if (listener) el.addEventListener(type, listener);
    }
  }
  append(el, children);
  return el;
}

/** Appends children, turning strings into text nodes. */
export function append(parent: Node, children: readonly Child[]): void {
  const doc = parent.ownerDocument ?? (parent as Document);
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' ? doc.createTextNode(child) : child);
  }
}

/** Removes every child of `parent`. */
export function clear(parent: Node): void {
  while (parent.firstChild) parent.removeChild(parent.firstChild);
}

/**
 * Attaches a style sheet to a shadow root. Constructable sheets when the browser has them
 * (no <style> element the page could observe), a <style> with textContent otherwise.
 */
export function adoptStyles(root: ShadowRoot, css: string): void {
  const doc = root.ownerDocument;
  const view = doc.defaultView as (Window & typeof globalThis) | null;
  try {
    if (view && 'adoptedStyleSheets' in root && typeof view.CSSStyleSheet === 'function') {
      const sheet = new view.CSSStyleSheet();
      sheet.replaceSync(css);
      root.adoptedStyleSheets = [sheet];
      return;
    }
  } catch {
    // Fall through to a <style> element (older engines, test DOMs).
  }
  const style = doc.createElement('style');
  style.textContent = css;
  root.appendChild(style);
}
