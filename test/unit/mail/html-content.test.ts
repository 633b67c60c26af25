import { describe, expect, it } from 'vitest';
import { extractHtml } from '../../../shared/mail/html-content';

type Row = { name: string; html: string; anchors?: [string, string][]; text?: string; forms?: string[] };

describe('extractHtml', () => {
  const table: Row[] = [
    { name: 'plain anchor', html: '<a href="https://example.jp/">Example</a>', anchors: [['https://example.jp/', 'Example']], text: 'Example' },
    { name: 'nested tags inside the anchor', html: '<a href="https://a.example/"><span>ログ<b>イン</b></span> <i>here</i></a>', anchors: [['https://a.example/', 'ログイン here']] },
    { name: 'entities decoded in href and text', html: '<a href="https://x.example/?a=1&amp;b=2&#x26;c">A &amp; B &lt;3&gt;</a>', anchors: [['https://x.example/?a=1&b=2&c', 'A & B <3>']] },
    { name: 'href kept as written (no normalising)', html: '<a href=" HTTPS://EXAMPLE.jp\\path ">x</a>', anchors: [[' HTTPS://EXAMPLE.jp\\path ', 'x']] },
    { name: 'base href resolves relative links', html: '<head><base href="https://evil.example/p/"></head><a href="login">x</a><a href="/root">y</a><a href="https://ok.example/">z</a>', anchors: [['https://evil.example/p/login', 'x'], ['https://evil.example/root', 'y'], ['https://ok.example/', 'z']] },
    { name: 'only the first base counts', html: '<base href="https://one.example/"><base href="https://two.example/"><a href="a">x</a>', anchors: [['https://one.example/a', 'x']] },
    { name: 'relative href without base stays as written', html: '<a href="/relative">x</a>', anchors: [['/relative', 'x']] },
    { name: 'img alt when the anchor has no text', html: '<a href="https://bank.example/"><img src="logo.png" alt="三井住友カード"></a>', anchors: [['https://bank.example/', '三井住友カード']] },
    { name: 'text wins over img alt', html: '<a href="https://b.example/"><img alt="logo">Sign in</a>', anchors: [['https://b.example/', 'Sign in']] },
    { name: 'area href with alt', html: '<map><area shape="rect" href="https://m.example/" alt="Map link"></map>', anchors: [['https://m.example/', 'Map link']] },
    { name: 'a without href is not an anchor', html: '<a name="top">Top</a>', anchors: [], text: 'Top' },
    { name: 'empty href is an anchor', html: '<a href="">x</a>', anchors: [['', 'x']] },
    { name: 'runs of anchors, unclosed ones closed by the next', html: '<a href=1>one<a href=2>two<a href=3>three', anchors: [['1', 'one'], ['2', 'two'], ['3', 'three']] },
    { name: 'unclosed tags', html: '<div><p>Hello <b>world<div>next', text: 'Hello world\nnext' },
    { name: 'script, style, title and template are not text', html: '<title>T</title><style>p{}</style><p>a</p><script>var s="<a href=x>no</a>";</script><template><p>t</p></template><p>b</p>', text: 'a\nb', anchors: [] },
    { name: 'noscript is shown by mail readers', html: '<noscript>Enable <a href="https://n.example/">this</a></noscript>', text: 'Enable this', anchors: [['https://n.example/', 'this']] },
    { name: 'comments are skipped', html: '<p>a<!-- <a href="https://c.example/">hidden</a> -->b</p>', text: 'ab', anchors: [] },
    { name: 'block elements break lines, whitespace collapses', html: '<p>one\n   two</p><div>three</div>four<br>five<table><tr><td>c1</td><td>c2</td></tr></table>', text: 'one two\nthree\nfour\nfive\nc1 c2' },
    { name: 'ideographic space is content', html: '<p>重要\u3000確認</p>', text: '重要\u3000確認' },
    { name: 'forms', html: '<form action="https://phish.example/post"><input name=p></form><form>no action</form>', forms: ['https://phish.example/post'] },
    { name: 'SVG link with xlink:href', html: '<svg><a xlink:href="https://s.example/"><text>Open</text></a></svg>', anchors: [['https://s.example/', 'Open']] },
    { name: 'first of duplicate attributes wins', html: '<a href="https://first.example/" href="https://second.example/">d</a>', anchors: [['https://first.example/', 'd']] },
    { name: 'uppercase tags and attributes', html: '<A HREF="https://u.example/">U</A>', anchors: [['https://u.example/', 'U']] },
  ];
  for (const row of table) {
    it(row.name, () => {
      const result = extractHtml(row.html);
      if (row.anchors) {
        expect(result.anchors.map((a) => [a.href, a.text])).toEqual(row.anchors);
        for (const a of result.anchors) expect(a.source).toBe('html');
      }
      if (row.text !== undefined) expect(result.text).toBe(row.text);
      if (row.forms) expect(result.forms.map((f) => f.action)).toEqual(row.forms);
      expect(result.truncated).toBe(false);
    });
  }

  it('caps anchors and says so', () => {
    const html = '<a href="https://r.example/">r</a>'.repeat(50);
    const result = extractHtml(html, { maxAnchors: 10 });
    expect(result.anchors).toHaveLength(10);
    expect(result.truncated).toBe(true);
  });

  it('caps the input and says so', () => {
    const result = extractHtml(`<p>${'a'.repeat(100)}</p><a href="https://late.example/">late</a>`, { maxChars: 50 });
    expect(result.anchors).toEqual([]);
    expect(result.text.length).toBeLessThanOrEqual(50);
    expect(result.truncated).toBe(true);
  });

  it('keeps anchor texts bounded', () => {
    const result = extractHtml(`<a href="https://l.example/">${'x'.repeat(100_000)}</a>`);
    expect(result.anchors[0]?.text.length).toBeLessThanOrEqual(4_000);
  });

  it('handles non-string input', () => {
    expect(extractHtml(undefined as unknown as string)).toEqual({ anchors: [], text: '', forms: [], truncated: false });
  });
});
