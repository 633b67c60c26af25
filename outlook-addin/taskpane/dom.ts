/**
 * Text-only DOM building for the task pane. Every string goes in as textContent or as a plain
 * attribute value; there is no way to pass markup. Mail-derived strings (subjects, addresses,
 * URLs, file names) are therefore always shown as text, never interpreted.
 */

type Child = Node | string | undefined | false;

export interface ElementOptions {
  className?: string;
  /** Plain attributes (id, role, aria-*, data-*, type, for, href for tel:/mailto:). */
  attrs?: Record<string, string>;
  text?: string;
}

export function el<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, options: ElementOptions = {}, children: Child[] = []): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  if (options.className) node.className = options.className;
  for (const [name, value] of Object.entries(options.attrs ?? {})) {
    // Event-handler attributes would be code: never allowed through here.
    if (/^on/i.test(name)) continue;
    node.setAttribute(name, value);
  }
  if (options.text !== undefined) node.textContent = options.text;
  for (const child of children) {
    if (child === undefined || child === false) continue;
    node.append(typeof child === 'string' ? doc.createTextNode(child) : child);
  }
  return node;
}

/** Replaces everything inside `parent` with `children`. */
export function replaceChildren(parent: Element, children: Node[]): void {
  parent.replaceChildren(...children);
}
