/**
 * Finds an element inside the banner's closed shadow root through the Chrome DevTools Protocol
 * (which sees closed roots and same-process frames) and clicks its centre with a real mouse
 * event, as a person would. The page itself never gets a handle on the shadow root.
 */
import type { Page } from 'playwright-core';

interface CdpNode {
  nodeId: number;
  nodeName: string;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
  contentDocument?: CdpNode;
}

function attr(node: CdpNode, name: string): string | undefined {
  const list = node.attributes ?? [];
  for (let i = 0; i + 1 < list.length; i += 2) if (list[i] === name) return list[i + 1];
  return undefined;
}

function* walk(node: CdpNode, insideHost: boolean, hostName: string): Generator<{ node: CdpNode; insideHost: boolean }> {
  yield { node, insideHost };
  const isHost = node.nodeName.toLowerCase() === hostName;
  for (const root of node.shadowRoots ?? []) yield* walk(root, insideHost || isHost, hostName);
  for (const child of node.children ?? []) yield* walk(child, insideHost, hostName);
  if (node.contentDocument) yield* walk(node.contentDocument, insideHost, hostName);
}

/** Clicks the first element under a `hostName` shadow root whose attribute `name` equals `value`. */
export async function clickInShadow(page: Page, hostName: string, name: string, value: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    let target: CdpNode | undefined;
    for (const { node, insideHost } of walk(root, false, hostName.toLowerCase())) {
      if (insideHost && attr(node, name) === value) {
        target = node;
        break;
      }
    }
    if (!target) throw new Error(`no [${name}="${value}"] inside a <${hostName}> shadow root`);
    await cdp.send('DOM.scrollIntoViewIfNeeded', { nodeId: target.nodeId });
    const { quads } = (await cdp.send('DOM.getContentQuads', { nodeId: target.nodeId })) as { quads: number[][] };
    const quad = quads[0];
    if (!quad) throw new Error(`[${name}="${value}"] has no box on screen`);
    const x = (quad[0]! + quad[2]! + quad[4]! + quad[6]!) / 4;
    const y = (quad[1]! + quad[3]! + quad[5]! + quad[7]!) / 4;
    await page.mouse.click(x, y);
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}
