// @vitest-environment happy-dom
/**
 * What each provider does differently, beyond the shared conformance table: Gmail's link
 * wrapper and collapsed messages, Outlook's Safe Links and inline forwarded bodies, Roundcube's
 * shortened attachment names and its preview frame.
 */
import { describe, expect, test } from 'vitest';
import { gmailAdapter, parseDownloadUrl } from '../../../../extension/hosts/gmail/gmail-adapter';
import { outlookWebAdapter } from '../../../../extension/hosts/outlook-web/outlook-web-adapter';
import { roundcubeAdapter } from '../../../../extension/hosts/roundcube/roundcube-adapter';
import { parseDisplayedSize, splitDisplayedAddress } from '../../../../extension/hosts/dom-read';
import { loadFixture } from './load-fixture';

describe('gmail', () => {
  test('reads href (the destination), never Gmail\'s google.com/url wrapper', () => {
    const doc = loadFixture('gmail', '2026-11-20-single-message-with-attachments.html');
    const [view] = gmailAdapter.findOpenMessages(doc);
    const hrefs = gmailAdapter.readSnapshot(view!).anchors!.map((a) => a.href);
    expect(hrefs.some((h) => h.startsWith('https://www.google.com/url'))).toBe(false);
    expect(gmailAdapter.linkElements(view!)[0]!.getAttribute('data-saferedirecturl')).toMatch(/^https:\/\/www\.google\.com\/url\?q=/);
  });

  test('a collapsed message of the conversation is not an open message', () => {
    const doc = loadFixture('gmail', '2026-11-20-conversation-three-messages.html');
    expect(doc.querySelectorAll('div.adn')).toHaveLength(3);
    expect(gmailAdapter.findOpenMessages(doc)).toHaveLength(2);
  });

  test('quoted text is part of the body, so its links are read too', () => {
    const doc = loadFixture('gmail', '2026-11-20-conversation-three-messages.html');
    const last = gmailAdapter.findOpenMessages(doc)[1]!;
    const quoted = gmailAdapter.linkElements(last).filter((el) => el.closest('.gmail_quote'));
    expect(quoted.length).toBe(2);
  });

  test('style text in the body is not read as mail text', () => {
    const doc = loadFixture('gmail', '2026-11-20-single-message-with-attachments.html');
    const snapshot = gmailAdapter.readSnapshot(gmailAdapter.findOpenMessages(doc)[0]!);
    expect(snapshot.text).not.toContain('font-size');
  });

  test.each([
    ['application/pdf:a.pdf:https://mail.google.com/x', { contentType: 'application/pdf', name: 'a.pdf' }],
    ['application/octet-stream:時間:割.txt:https://mail.google.com/x', { contentType: 'application/octet-stream', name: '時間:割.txt' }],
    ['no-url-here', undefined],
    [null, undefined],
  ])('download_url %s', (value, expected) => {
    expect(parseDownloadUrl(value)).toEqual(expected);
  });
});

describe('outlook-web', () => {
  test('Safe Links hrefs are passed on unchanged (the scanner unwraps them)', () => {
    const doc = loadFixture('outlook-web', '2026-11-20-reading-pane-safelinks.html');
    const snapshot = outlookWebAdapter.readSnapshot(outlookWebAdapter.findOpenMessages(doc)[0]!);
    expect(snapshot.anchors!.every((a) => new URL(a.href).hostname.endsWith('.safelinks.protection.outlook.com'))).toBe(true);
  });

  test('the message list outside the reading pane is not read as attachments', () => {
    const doc = loadFixture('outlook-web', '2026-11-20-reading-pane-safelinks.html');
    const view = outlookWebAdapter.findOpenMessages(doc)[0]!;
    expect(outlookWebAdapter.attachmentElements(view).map((el) => el.getAttribute('aria-label'))).toEqual(['新しいパスワードポリシー.pdf 412 KB']);
  });

  test('a build without role=main: the reading pane bounds the message, the message list is not read', () => {
    const doc = loadFixture('outlook-web', '2026-11-20-reading-pane-safelinks.html');
    const main = doc.querySelector('[role="main"]')!;
    main.removeAttribute('role');
    // Move the message list inside the same wrapper as the pane, as a looser layout would.
    doc.getElementById('ReadingPaneContainerId')!.parentElement!.appendChild(doc.querySelector('[role="complementary"]')!);
    const views = outlookWebAdapter.findOpenMessages(doc);
    expect(views).toHaveLength(1);
    expect(doc.getElementById('ReadingPaneContainerId')!.contains(views[0]!.root)).toBe(true);
    expect(outlookWebAdapter.readSnapshot(views[0]!).attachments!.map((a) => a.name)).toEqual(['新しいパスワードポリシー.pdf']);
    expect(outlookWebAdapter.readSnapshot(views[0]!).subject).toBe('【Microsoft 365】パスワードの有効期限が切れます');
  });

  test('a listbox of message-list rows is never read as attachments', () => {
    const doc = loadFixture('outlook-web', '2026-11-20-popout-message.html');
    const main = doc.querySelector('[role="main"]')!;
    const list = main.appendChild(doc.createElement('div'));
    list.setAttribute('role', 'listbox');
    const row = list.appendChild(doc.createElement('div'));
    row.setAttribute('role', 'option');
    row.setAttribute('data-convid', 'AAQk');
    row.setAttribute('title', '別のメール');
    const view = outlookWebAdapter.findOpenMessages(doc)[0]!;
    expect(outlookWebAdapter.readSnapshot(view).attachments!.map((a) => a.name)).toEqual(['面接日程表.xlsm', '会社案内.pdf']);
  });

  test('each message of a conversation is its own item with its own key', () => {
    const doc = loadFixture('outlook-web', '2026-11-20-reading-pane-conversation.html');
    const views = outlookWebAdapter.findOpenMessages(doc);
    expect(views[0]!.root).not.toBe(views[1]!.root);
    expect(views[0]!.root.contains(views[1]!.body)).toBe(false);
  });

  test('a body nested in a body (inline forwarded message) is not a second message', () => {
    const doc = loadFixture('outlook-web', '2026-11-20-popout-message.html');
    const body = doc.querySelector('div[role="document"]')!;
    const nested = doc.createElement('div');
    nested.setAttribute('role', 'document');
    nested.textContent = '転送されたメッセージ';
    body.appendChild(nested);
    expect(outlookWebAdapter.findOpenMessages(doc)).toHaveLength(1);
  });
});

describe('roundcube', () => {
  test('a shortened attachment name is read in full from the link title', () => {
    const doc = loadFixture('roundcube', '2026-11-20-preview-frame-html-message.html');
    const view = roundcubeAdapter.findOpenMessages(doc)[0]!;
    expect(roundcubeAdapter.attachmentElements(view)[1]!.textContent).toContain('...exe');
    expect(roundcubeAdapter.readSnapshot(view).attachments![1]!.name).toBe('配達状況確認ツール_2026年11月20日版.exe');
  });

  test('the subject leaves out the screen-reader label and the new-window link', () => {
    const doc = loadFixture('roundcube', '2026-11-20-preview-frame-html-message.html');
    expect(roundcubeAdapter.readSnapshot(roundcubeAdapter.findOpenMessages(doc)[0]!).subject).toBe('宅配便お届けのお知らせ');
  });

  test('the key falls back to the attachment links when the frame URL has no _uid', () => {
    const doc = loadFixture('roundcube', '2026-11-20-preview-frame-html-message.html', 'https://webmail.example-clinic.jp/');
    const view = roundcubeAdapter.findOpenMessages(doc)[0]!;
    expect(doc.URL).not.toContain('_uid');
    expect(roundcubeAdapter.messageKey(view)).toBe('roundcube:INBOX:1204');
  });

  test('the top frame with the preview iframe holds no message of its own', () => {
    const doc = loadFixture('roundcube', '2026-11-20-mail-list-top-frame.html');
    expect(doc.querySelector('iframe#messagecontframe')).not.toBeNull();
    expect(roundcubeAdapter.hasOpenMessage(doc)).toBe(false);
  });
});

describe('shared readers', () => {
  test.each([
    ['34 KB', 34 * 1024],
    ['(~52 KB)', 52 * 1024],
    ['1.2 MB', Math.round(1.2 * 1024 * 1024)],
    ['2,048 B', 2048],
    ['512 バイト', 512],
    ['サイズ不明', undefined],
    ['', undefined],
  ])('size %s', (text, bytes) => {
    expect(parseDisplayedSize(text)).toBe(bytes);
  });

  test.each([
    ['佐藤 一郎 <sato@example.jp>', { name: '佐藤 一郎', address: 'sato@example.jp' }],
    ['"Sato, Ichiro" <sato@example.jp>', { name: 'Sato, Ichiro', address: 'sato@example.jp' }],
    ['sato@example.jp', { address: 'sato@example.jp' }],
    ['経理部', { name: '経理部' }],
  ])('address %s', (text, expected) => {
    expect(splitDisplayedAddress(text)).toEqual(expected);
  });
});
