/**
 * Stops clicks on flagged links and attachments before the webmail or the browser acts on them,
 * and hands the target to the runtime (which opens the extension's warning page).
 *
 * Listeners are on the window in the capture phase, so they run before the webmail's own
 * handlers on the document or the element. Only trusted events count: a script in the page can
 * synthesise clicks, and those must neither be guarded (they are not the user's) nor trigger our
 * warning page. What is guarded: primary click (with any modifier), middle click (auxclick),
 * Enter on a focused element, and dragging the link out (drag-to-tab). The context menu is left
 * alone — the user's own browser menu is not ours to break; the outline stays visible there.
 */
import type { Finding } from '../../shared/model';

export interface GuardedTarget {
  kind: 'link' | 'attachment';
  href?: string;
  text: string;
  index: number;
  findings: Finding[];
}

/** How far up from the event target we look for a flagged element (links nest spans, images…). */
const MAX_ANCESTORS = 25;

export function installGuard(
  doc: Document,
  resolve: (el: Element) => GuardedTarget | undefined,
  onGuarded: (t: GuardedTarget) => void,
): () => void {
  const target: EventTarget = doc.defaultView ?? doc;

  const findTarget = (event: Event): GuardedTarget | undefined => {
    const path = typeof event.composedPath === 'function' ? event.composedPath() : [];
    let node: Node | null = (path[0] as Node | undefined) ?? (event.target as Node | null);
    for (let depth = 0; node && depth < MAX_ANCESTORS; depth += 1) {
      if (node.nodeType === 1) {
        let found: GuardedTarget | undefined;
        try {
          found = resolve(node as Element);
        } catch {
          found = undefined;
        }
        if (found) return found;
      }
      node = node.parentNode ?? (node as ShadowRoot).host ?? null;
    }
    return undefined;
  };

  const stop = (event: Event, guarded: GuardedTarget, notify: boolean): void => {
    event.preventDefault();
    event.stopImmediatePropagation();
    event.stopPropagation();
    if (!notify) return;
    try {
      onGuarded(guarded);
    } catch (error) {
      console.error('kokoroe: guard handler failed', error);
    }
  };

  const onClick = (event: Event): void => {
    if (!event.isTrusted) return;
    const mouse = event as MouseEvent;
    // auxclick also fires for the right button; that one is the context menu, left alone.
    if (event.type === 'auxclick' && mouse.button !== 1) return;
    const guarded = findTarget(event);
    if (guarded) stop(event, guarded, true);
  };

  const onKeydown = (event: Event): void => {
    if (!event.isTrusted) return;
    const key = event as KeyboardEvent;
    if (key.key !== 'Enter' || key.isComposing) return;
    const guarded = findTarget(event);
    if (guarded) stop(event, guarded, true);
  };

  // A press of the middle button starts autoscroll or opens in some engines on mousedown/up;
  // swallowing those for flagged targets (without notifying) keeps auxclick the only trigger.
  const onMiddlePress = (event: Event): void => {
    if (!event.isTrusted || (event as MouseEvent).button !== 1) return;
    const guarded = findTarget(event);
    if (guarded) stop(event, guarded, false);
  };

  const onDragStart = (event: Event): void => {
    if (!event.isTrusted) return;
    const guarded = findTarget(event);
    if (guarded) stop(event, guarded, false);
  };

  const listeners: [string, (event: Event) => void][] = [
    ['click', onClick],
    ['auxclick', onClick],
    ['keydown', onKeydown],
    ['mousedown', onMiddlePress],
    ['mouseup', onMiddlePress],
    ['dragstart', onDragStart],
  ];
  for (const [type, listener] of listeners) target.addEventListener(type, listener, { capture: true });
  return () => {
    for (const [type, listener] of listeners) target.removeEventListener(type, listener, { capture: true });
  };
}
