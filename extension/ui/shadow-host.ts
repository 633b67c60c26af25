/**
 * Hosts for in-page UI: a custom element the webmail's CSS does not target, with a closed
 * shadow root. Closed, because the webmail's own scripts (and anything running in its page) must
 * not be able to reach in through `host.shadowRoot` and rewrite a warning; our content script
 * keeps the root in a WeakMap instead. Page CSS cannot cross either kind of root, and
 * `:host { all: initial }` cuts off inherited styles.
 *
 * Never expose the root to the page (no global, no attribute).
 */
import { adoptStyles } from './dom';

const roots = new WeakMap<Element, ShadowRoot>();

export function createShadowHost(doc: Document, tagName: string, css: string): { host: HTMLElement; root: ShadowRoot } {
  const host = doc.createElement(tagName);
  // Inline !important declarations beat page rules on the host box itself (display, margins).
  host.style.setProperty('display', 'block', 'important');
  host.style.setProperty('position', 'static', 'important');
  host.style.setProperty('float', 'none', 'important');
  host.style.setProperty('visibility', 'visible', 'important');
  host.style.setProperty('opacity', '1', 'important');
  const root = host.attachShadow({ mode: 'closed' });
  adoptStyles(root, css);
  roots.set(host, root);
  return { host, root };
}

/** The closed shadow root of a host this module created (for our own code and tests). */
export function shadowRootOf(host: Element): ShadowRoot | undefined {
  return roots.get(host);
}

/**
 * Runs a callback of an in-page surface (banner, gate). A failing callback is logged and goes no
 * further: the warning stays on screen and the webmail's own handlers keep working.
 */
export function runSurfaceAction(fn: (() => void) | undefined, surface: string): void {
  try {
    fn?.();
  } catch (error) {
    console.error(`kokoroe: ${surface} action failed`, error);
  }
}
