/**
 * A mail with almost no readable text — a picture or a button and a link, or a stranger's file
 * with hardly a word about it. Filters and
 * readers cannot judge words that are not there, which is why image-only mail is a spam and
 * phishing habit; legitimate notices say what they are about in text. Only noted.
 */
import type { Finding } from '../model';
import type { Rule } from './types';
import { isWebLink, linkToSender, messageFinding, senderIsStranger } from './support/helpers';

/** Visible characters below which an HTML mail "says nothing" (whitespace not counted). */
const MIN_TEXT = 60;

export const bodyLittleText: Rule = {
  id: 'body-little-text',
  scope: 'body',
  maxSeverity: 'info',
  weight: 1,
  needs: ['body'],
  check(msg) {
    const snap = msg.snapshot;
    if (msg.isMailingList) return [];
    const html = typeof snap.html === 'string' && snap.html.trim() !== '';
    // Short service mail (password reset, "your document is ready") links to the sender's own site.
    const clickable = html && msg.links.some((l) => isWebLink(l) && l.source !== 'text' && !linkToSender(msg, l));
    // A file from a stranger with hardly a word about it ("see attached") is the same trick.
    const fileOnly = senderIsStranger(msg) && msg.attachments.some((a) => !/^image\//i.test(a.attachment.contentType ?? '') && a.ext !== 'ics');
    if (!clickable && !fileOnly) return [];
    // Japanese says in one character what Latin needs several for: kana and kanji count double.
    let visible = 0;
    for (let i = 0; i < msg.bodyText.length && visible < MIN_TEXT; i++) {
      const c = msg.bodyText.charCodeAt(i);
      if (c > 32 && c !== 0xa0 && c !== 0x3000 && c !== 0x200b && c !== 0x200c && c !== 0x34f) visible += c >= 0x3040 ? 2 : 1;
    }
    if (visible >= MIN_TEXT) return [];
    return [messageFinding(this.id, 'info', 'body', 'html', { count: visible })] as Finding[];
  },
  examples: {
    flags: [
      { name: 'one picture and a link', snapshot: { html: '<a href="https://promo.example.net/x"><img src="cid:1"></a>', anchors: [{ href: 'https://promo.example.net/x', text: '', source: 'html' }] } },
      { name: 'a stranger’s PDF and no words', snapshot: { from: { address: 'x@unknown.example.com' }, text: 'FYI', attachments: [{ name: 'Case-039-469715.pdf', contentType: 'application/pdf' }] } },
    ],
    clean: [
      {
        name: 'a notice that says what it is about',
        snapshot: {
          html: '<p>x</p>',
          text: '院内感染対策委員会より、12月の手指衛生キャンペーンについてお知らせします。各部署の担当者は、掲示物を所定の場所に掲示し、実施状況を月末までに報告してください。詳細は院内ポータルをご覧ください。',
          anchors: [{ href: 'https://portal.sakura-hp.example.jp/', text: '院内ポータル', source: 'html' }],
        },
      },
    ],
  },
};
