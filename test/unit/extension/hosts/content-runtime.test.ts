// @vitest-environment happy-dom
/**
 * The content-script runtime on real fixtures: one observer that does no reading while no
 * message is open, one banner per message however often the page is processed, the banner put
 * back when the page drops it, incomplete messages never safe, and the guard resolving exactly
 * the flagged elements.
 */
import { describe, expect, test, vi } from 'vitest';
import type { MailSnapshot, Verdict } from '../../../../shared/model';
import { createMailObserver, type ObserverScheduler } from '../../../../extension/content/mail-observer';
import { createMessageProcessor, guardFindings, neverSafeWhenIncomplete } from '../../../../extension/content/message-processor';
import { gmailAdapter } from '../../../../extension/hosts/gmail/gmail-adapter';
import { roundcubeAdapter } from '../../../../extension/hosts/roundcube/roundcube-adapter';
import type { MailProviderAdapter } from '../../../../extension/hosts/types';
import { mountBanner } from '../../../../extension/ui/banner';
import { outlineElements } from '../../../../extension/ui/outline';
import { loadFixture } from './load-fixture';

/** Runs scheduled work only when the test says so. */
function manualScheduler(): ObserverScheduler & { flush(): void } {
  let queue: (() => void)[] = [];
  return {
    setTimeout: (fn) => {
      queue.push(fn);
      return fn;
    },
    clearTimeout: (handle) => {
      queue = queue.filter((f) => f !== handle);
    },
    idle: (fn) => {
      queue.push(fn);
    },
    flush() {
      for (let i = 0; i < 10 && queue.length > 0; i++) {
        const now = queue;
        queue = [];
        now.forEach((f) => f());
      }
    },
  };
}

/** Spies on every adapter method so a test can see what was read. */
function spyAdapter(adapter: MailProviderAdapter) {
  const spied = {
    ...adapter,
    hasOpenMessage: vi.fn(adapter.hasOpenMessage),
    findOpenMessages: vi.fn(adapter.findOpenMessages),
    readSnapshot: vi.fn(adapter.readSnapshot),
    linkElements: vi.fn(adapter.linkElements),
    attachmentElements: vi.fn(adapter.attachmentElements),
    messageKey: vi.fn(adapter.messageKey),
  };
  return spied;
}

const flagLink = (index: number, severity: 'caution' | 'danger' = 'danger'): Verdict => ({
  level: severity,
  findings: [{ rule: 'link-text-mismatch', severity, target: { kind: 'link', value: 'x', index }, params: {} }],
  unchecked: [],
});

/** The worker's scan, answered asynchronously as over runtime messaging. */
function setup(adapter: MailProviderAdapter, doc: Document, scan: (s: MailSnapshot) => Verdict) {
  const spied = spyAdapter(adapter);
  const onVerdict = vi.fn();
  const scanSpy = vi.fn(async (_key: string, s: MailSnapshot) => scan(s));
  const processor = createMessageProcessor(
    { doc, adapter: spied, ui: { mountBanner, outlineElements }, scan: scanSpy, onVerdict, onConsult: vi.fn() },
    { lang: 'ja' },
  );
  /** process() and wait for the scans it started. */
  const run = async (): Promise<void> => {
    processor.process();
    await processor.idle();
  };
  return { processor, spied, onVerdict, scanSpy, run };
}

describe('observer', () => {
  test('no reading while no message is open: only the cheap check runs, once per burst', async () => {
    const doc = loadFixture('gmail', '2026-11-20-inbox-list.html');
    const { processor, spied, scanSpy } = setup(gmailAdapter, doc, () => ({ level: 'safe', findings: [], unchecked: [] }));
    const scheduler = manualScheduler();
    const observer = createMailObserver(doc, () => processor.process(), scheduler);
    for (let i = 0; i < 50; i++) doc.body.appendChild(doc.createElement('div')).textContent = `row ${i}`;
    await Promise.resolve();
    await new Promise((r) => setTimeout(r, 0));
    expect(spied.hasOpenMessage).not.toHaveBeenCalled(); // the callback itself reads nothing
    scheduler.flush();
    expect(spied.hasOpenMessage).toHaveBeenCalledTimes(1);
    for (const m of [spied.findOpenMessages, spied.readSnapshot, spied.linkElements, spied.attachmentElements, spied.messageKey, scanSpy]) {
      expect(m).not.toHaveBeenCalled();
    }
    observer.stop();
  });

  test('a message appearing later is processed after the burst; stop() ends all work', async () => {
    const inbox = loadFixture('gmail', '2026-11-20-inbox-list.html');
    const message = loadFixture('gmail', '2026-11-20-single-message-with-attachments.html');
    const { processor, scanSpy } = setup(gmailAdapter, inbox, () => ({ level: 'safe', findings: [], unchecked: [] }));
    const scheduler = manualScheduler();
    const observer = createMailObserver(inbox, () => processor.process(), scheduler);
    inbox.body.appendChild(inbox.importNode(message.querySelector('[role="main"]')!, true));
    await new Promise((r) => setTimeout(r, 0));
    scheduler.flush();
    await processor.idle();
    expect(scanSpy).toHaveBeenCalledTimes(1);
    expect(inbox.querySelectorAll('[data-kokoroe-verdict]')).toHaveLength(1);
    observer.stop();
    inbox.body.appendChild(inbox.createElement('div'));
    await new Promise((r) => setTimeout(r, 0));
    scheduler.flush();
    expect(scanSpy).toHaveBeenCalledTimes(1);
  });
});

describe('observer under constant churn', () => {
  test('a page that changes every 20 ms still gets processed (the quiet period cannot starve the run)', async () => {
    vi.useFakeTimers();
    try {
      const doc = loadFixture('gmail', '2026-11-20-inbox-list.html');
      const run = vi.fn();
      const observer = createMailObserver(doc, run, {
        setTimeout: (fn, ms) => setTimeout(fn, ms),
        clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
        idle: (fn) => fn(),
        now: () => Date.now(),
      });
      for (let t = 0; t < 1_000; t += 20) {
        doc.body.appendChild(doc.createElement('div'));
        await Promise.resolve();
        await vi.advanceTimersByTimeAsync(20);
      }
      // At least one run per ~MAX_WAIT_MS, not zero.
      expect(run.mock.calls.length).toBeGreaterThanOrEqual(5);
      expect(run.mock.calls.length).toBeLessThanOrEqual(20);
      observer.stop();
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('processing', () => {
  test('processing the same messages twice mounts one banner each and scans once', async () => {
    const doc = loadFixture('gmail', '2026-11-20-conversation-three-messages.html');
    const { processor, scanSpy, onVerdict, run } = setup(gmailAdapter, doc, () => ({ level: 'safe', findings: [], unchecked: [] }));
    await run();
    await run();
    await run();
    expect(doc.querySelectorAll('[data-kokoroe-verdict]')).toHaveLength(2);
    expect(scanSpy).toHaveBeenCalledTimes(2);
    expect(onVerdict).toHaveBeenCalledTimes(2);
  });

  test('page changes while the scan is in flight: one scan, then one banner', async () => {
    const doc = loadFixture('gmail', '2026-11-20-single-message-with-attachments.html');
    let answer: (v: Verdict) => void = () => undefined;
    const scan = vi.fn(() => new Promise<Verdict>((resolve) => (answer = resolve)));
    const processor = createMessageProcessor({ doc, adapter: gmailAdapter, ui: { mountBanner, outlineElements }, scan, onConsult: vi.fn() }, { lang: 'ja' });
    processor.process();
    processor.process();
    expect(doc.querySelectorAll('[data-kokoroe-verdict]')).toHaveLength(0);
    answer(flagLink(0));
    await processor.idle();
    processor.process();
    expect(scan).toHaveBeenCalledTimes(1);
    expect(doc.querySelectorAll('[data-kokoroe-verdict]')).toHaveLength(1);
  });

  test('an answer for an outdated read is dropped; the newer read decides', async () => {
    const doc = loadFixture('gmail', '2026-11-20-message-body-not-rendered.html');
    const answers: ((v: Verdict) => void)[] = [];
    const scan = vi.fn(() => new Promise<Verdict>((resolve) => answers.push(resolve)));
    const processor = createMessageProcessor({ doc, adapter: gmailAdapter, ui: { mountBanner, outlineElements }, scan, onConsult: vi.fn() }, { lang: 'ja' });
    processor.process();
    const body = doc.querySelector('.ii.gt')!.appendChild(doc.createElement('div'));
    body.className = 'a3s aiL';
    body.textContent = '本文';
    processor.process();
    expect(scan).toHaveBeenCalledTimes(2);
    answers[1]!({ level: 'danger', findings: [], unchecked: [] });
    answers[0]!({ level: 'safe', findings: [], unchecked: [] });
    await processor.idle();
    expect(doc.querySelector('[data-kokoroe-verdict]')!.getAttribute('data-kokoroe-verdict')).toBe('danger');
  });

  test('a banner the page removed is put back, without a rescan', async () => {
    const doc = loadFixture('gmail', '2026-11-20-single-message-with-attachments.html');
    const { processor, scanSpy, run } = setup(gmailAdapter, doc, () => flagLink(0));
    await run();
    const host = doc.querySelector('[data-kokoroe-verdict]')!;
    expect(host.getAttribute('data-kokoroe-verdict')).toBe('danger');
    host.remove();
    await run();
    expect(doc.querySelectorAll('[data-kokoroe-verdict]')).toHaveLength(1);
    expect(scanSpy).toHaveBeenCalledTimes(1);
  });

  test('the banner sits above the body, outside it', async () => {
    const doc = loadFixture('gmail', '2026-11-20-single-message-with-attachments.html');
    const { processor, run } = setup(gmailAdapter, doc, () => flagLink(0));
    await run();
    const host = doc.querySelector('[data-kokoroe-verdict]')!;
    const body = doc.querySelector('div.a3s')!;
    expect(host.nextElementSibling).toBe(body);
    expect(body.contains(host)).toBe(false);
  });

  test('a message whose body arrives later is scanned again and its banner updated (still one)', async () => {
    const doc = loadFixture('gmail', '2026-11-20-message-body-not-rendered.html');
    const { processor, scanSpy, run } = setup(gmailAdapter, doc, () => ({ level: 'safe', findings: [], unchecked: [] }));
    await run();
    expect(doc.querySelector('[data-kokoroe-verdict]')!.getAttribute('data-kokoroe-verdict')).toBe('caution');
    const holder = doc.querySelector('.ii.gt')!;
    const body = holder.appendChild(doc.createElement('div'));
    body.className = 'a3s aiL';
    body.textContent = '請求書を送付します。';
    const tray = doc.querySelector('div.aQH')!;
    const chip = tray.appendChild(doc.createElement('span'));
    chip.className = 'aZo';
    chip.setAttribute('download_url', 'application/pdf:請求書.pdf:https://mail.google.com/x');
    await run();
    expect(scanSpy).toHaveBeenCalledTimes(2);
    const hosts = doc.querySelectorAll('[data-kokoroe-verdict]');
    expect(hosts).toHaveLength(1);
    expect(hosts[0]!.getAttribute('data-kokoroe-verdict')).toBe('safe');
  });

  test('closing the message removes its banner and outlines', async () => {
    const doc = loadFixture('gmail', '2026-11-20-single-message-with-attachments.html');
    const { processor, run } = setup(gmailAdapter, doc, () => flagLink(0));
    await run();
    expect(doc.querySelectorAll('[data-kokoroe-flag]')).toHaveLength(1);
    doc.querySelector('div.adn')!.remove();
    await run();
    expect(doc.querySelectorAll('[data-kokoroe-verdict], [data-kokoroe-flag]')).toHaveLength(0);
    expect(processor.trackedKeys()).toEqual([]);
  });

  test('a policy change rescans the open messages', async () => {
    const doc = loadFixture('roundcube', '2026-11-20-preview-frame-html-message.html');
    const { processor, scanSpy, run } = setup(roundcubeAdapter, doc, () => flagLink(0, 'caution'));
    await run();
    processor.setContext({ policyChanged: true, lang: 'ja' });
    await run();
    expect(scanSpy).toHaveBeenCalledTimes(2);
    expect(doc.querySelectorAll('[data-kokoroe-verdict]')).toHaveLength(1);
  });
});

describe('guard targets and outlines', () => {
  test('only the flagged link resolves to a guarded target, with its real href and key', async () => {
    const doc = loadFixture('roundcube', '2026-11-20-preview-frame-html-message.html');
    const { processor, run } = setup(roundcubeAdapter, doc, () => ({
      level: 'caution',
      findings: [
        { rule: 'link-text-mismatch', severity: 'caution', target: { kind: 'link', value: 'x', index: 0 }, params: {} },
        { rule: 'attachment-executable', severity: 'danger', target: { kind: 'attachment', value: 'x.exe', index: 1 }, params: {} },
      ],
      unchecked: [],
    }));
    await run();
    const [flagged, clean] = roundcubeAdapter.linkElements(roundcubeAdapter.findOpenMessages(doc)[0]!);
    const target = processor.resolveGuarded(flagged!)!;
    expect(target).toMatchObject({ kind: 'link', href: 'https://sagawa-redelivery.example.top/?id=44812', index: 0 });
    expect(processor.keyOf(target)).toBe('roundcube:INBOX:1204');
    expect(processor.resolveGuarded(clean!)).toBeUndefined();
    const chips = roundcubeAdapter.attachmentElements(roundcubeAdapter.findOpenMessages(doc)[0]!);
    expect(processor.resolveGuarded(chips[1]!)).toMatchObject({ kind: 'attachment', text: '配達状況確認ツール_2026年11月20日版.exe' });
    expect(processor.resolveGuarded(chips[0]!)).toBeUndefined();
    expect(flagged!.getAttribute('data-kokoroe-flag')).toBe('caution');
    expect(chips[1]!.getAttribute('data-kokoroe-flag')).toBe('danger');
    expect(clean!.hasAttribute('data-kokoroe-flag')).toBe(false);
  });

  test('in a dangerous message every link is guarded with the message-level reasons', async () => {
    const verdict: Verdict = {
      level: 'danger',
      findings: [{ rule: 'sender-display-name-spoof', severity: 'danger', target: { kind: 'sender', value: 'x' }, params: {} }],
      unchecked: [],
    };
    expect(guardFindings(verdict, 'link', 3)!.map((f) => f.rule)).toEqual(['sender-display-name-spoof']);
    expect(guardFindings({ ...verdict, level: 'caution' }, 'link', 3)).toBeUndefined();
  });

  test('while a consult is open every link and chip stays guarded; when none is open, clean links pass', async () => {
    const doc = loadFixture('roundcube', '2026-11-20-preview-frame-html-message.html');
    const { processor, run } = setup(roundcubeAdapter, doc, () => ({ level: 'safe', findings: [], unchecked: [] }));
    await run();
    const view = roundcubeAdapter.findOpenMessages(doc)[0]!;
    const [first] = roundcubeAdapter.linkElements(view);
    const [chip] = roundcubeAdapter.attachmentElements(view);
    expect(processor.resolveGuarded(first!)).toBeUndefined();
    processor.setConsults({ 'roundcube:INBOX:1204': { status: 'pending', reportId: 'r1' } });
    expect(processor.resolveGuarded(first!)).toMatchObject({ kind: 'link', findings: [] });
    expect(processor.resolveGuarded(chip!)).toMatchObject({ kind: 'attachment' });
    processor.setConsults({});
    expect(processor.resolveGuarded(first!)).toBeUndefined();
  });

  test('the consult state map from the outbox becomes banner states', async () => {
    const { consultStates } = await import('../../../../extension/content/run-content-script');
    expect(
      consultStates({
        a: { status: 'pending', reportId: 'r1', channel: 'endpoint' },
        b: { status: 'answered', answer: '開いて大丈夫です', note: '確認済み' },
        c: { status: 'weird' },
        d: 'junk',
      }),
    ).toEqual({ a: { status: 'pending', reportId: 'r1' }, b: { status: 'answered', answer: '開いて大丈夫です', note: '確認済み' } });
    expect(consultStates(null)).toEqual({});
  });

  test('an incomplete snapshot is never safe', async () => {
    const verdict = neverSafeWhenIncomplete({ host: 'gmail', missing: ['attachments'] }, { level: 'safe', findings: [], unchecked: [] });
    expect(verdict.level).toBe('caution');
    expect(verdict.findings[0]!.rule).toBe('message-incomplete');
  });
});
