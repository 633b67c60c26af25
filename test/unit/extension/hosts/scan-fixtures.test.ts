// @vitest-environment happy-dom
/**
 * The adapters' snapshots through the real scanner: the phishing-shaped fixtures come out
 * caution or danger with their findings mapped onto the right DOM elements, the clean internal
 * conversation comes out with no caution or danger at all.
 */
import { describe, expect, test } from 'vitest';
import { scanMessage } from '../../../../shared/scan/scan-message';
import { DEFAULT_POLICY } from '../../../../shared/policy/defaults';
import type { Policy } from '../../../../shared/policy/types';
import { ADAPTERS } from '../../../../extension/hosts/adapters';
import type { ProviderId } from '../../../../extension/hosts/types';
import { loadFixture } from './load-fixture';

const POLICY: Policy = { ...(DEFAULT_POLICY as Policy), orgDomains: ['example-hospital.jp', 'example-clinic.jp'] };

const CASES: [ProviderId, string, number, 'safe' | 'caution' | 'danger' | 'flagged'][] = [
  ['gmail', '2026-11-20-single-message-with-attachments.html', 0, 'flagged'],
  ['gmail', '2026-11-20-conversation-three-messages.html', 0, 'safe'],
  ['gmail', '2026-11-20-conversation-three-messages.html', 1, 'safe'],
  ['gmail', '2026-11-20-message-body-not-rendered.html', 0, 'flagged'],
  ['outlook-web', '2026-11-20-reading-pane-safelinks.html', 0, 'flagged'],
  ['outlook-web', '2026-11-20-popout-message.html', 0, 'flagged'],
  ['outlook-web', '2026-11-20-reading-pane-conversation.html', 0, 'safe'],
  ['roundcube', '2026-11-20-preview-frame-html-message.html', 0, 'flagged'],
  ['roundcube', '2026-11-20-full-page-text-message.html', 0, 'safe'],
  ['roundcube', '2026-11-20-preview-frame-body-blocked.html', 0, 'flagged'],
];

describe.each(CASES)('%s %s #%i', (provider, file, index, expected) => {
  test(`is ${expected}`, () => {
    const adapter = ADAPTERS[provider];
    const view = adapter.findOpenMessages(loadFixture(provider, file))[index]!;
    const snapshot = adapter.readSnapshot(view);
    const verdict = scanMessage(snapshot, POLICY);
    if (expected === 'flagged') expect(['caution', 'danger'], JSON.stringify(verdict.findings.map((f) => f.rule))).toContain(verdict.level);
    else expect(verdict.level, JSON.stringify(verdict.findings)).toBe(expected);
    // Every link/attachment finding points at an element the adapter can give back.
    const links = adapter.linkElements(view);
    const chips = adapter.attachmentElements(view);
    for (const f of verdict.findings) {
      if (f.target.kind === 'link' && f.target.index !== undefined) expect(links[f.target.index], f.rule).toBeDefined();
      if (f.target.kind === 'attachment' && f.target.index !== undefined) expect(chips[f.target.index], f.rule).toBeDefined();
    }
  });
});
