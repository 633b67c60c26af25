/**
 * The two places where a Roundcube on its own port or on loopback http met the extension's
 * https-only assumptions (found against the real server): content-script match patterns (Firefox
 * refuses a port in a match pattern, bug 1362809) and the acceptance of the view-source URL for
 * the consult's original (policy accepts loopback http origins; the original must follow).
 */
import { describe, expect, it } from 'vitest';
import { originPattern } from '../../extension/entrypoints/background/roundcube-scripts';
import { acceptOriginalUrl } from '../../extension/outbox/consult-requests';

describe('roundcube › loopback and ports', () => {
  it.each([
    ['https://webmail.example.jp', 'https://webmail.example.jp/*'],
    ['https://webmail.example.jp:8443', 'https://webmail.example.jp/*'],
    ['http://127.0.0.1:46641', 'http://127.0.0.1/*'],
    ['http://localhost:8765/', 'http://localhost/*'],
    ['ftp://webmail.example.jp', undefined],
    ['not a url', undefined],
  ])('content-script pattern for %s is %s (no port: Firefox match patterns have none)', (origin, pattern) => {
    expect(originPattern(origin)).toBe(pattern);
  });

  const origins = ['https://webmail.example.jp', 'http://127.0.0.1:46641'];
  it.each([
    ['http://127.0.0.1:46641/?_task=mail&_action=viewsource&_uid=3&_mbox=INBOX', 'http://127.0.0.1:46641/?_task=mail&_uid=3&_action=preview', true],
    ['https://webmail.example.jp/?_task=mail&_action=viewsource&_uid=3&_mbox=INBOX', 'https://webmail.example.jp/?_task=mail', true],
    // plain http stays refused off loopback, and the origin must be the sender's and in policy
    ['http://webmail.example.jp/?_task=mail&_action=viewsource&_uid=3', 'http://webmail.example.jp/?_task=mail', false],
    ['http://127.0.0.1:46642/?_task=mail&_action=viewsource&_uid=3', 'http://127.0.0.1:46642/?_task=mail', false],
    ['http://127.0.0.1:46641/?_action=viewsource&_uid=3', 'https://webmail.example.jp/?_task=mail', false],
    ['http://user:pw@127.0.0.1:46641/?_action=viewsource&_uid=3', 'http://127.0.0.1:46641/', false],
  ])('original %s from %s accepted: %s', (url, sender, ok) => {
    expect(acceptOriginalUrl(url, sender, origins) !== undefined).toBe(ok);
  });
});
