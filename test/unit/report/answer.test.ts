import { describe, expect, it } from 'vitest';
import { ANSWER_CODES, ANSWER_NOTE_CHARS, ANSWER_TEXTS, parseAnswer, parseAnswerText } from '../../../shared/report/answer';

describe('parseAnswer', () => {
  it.each([
    [{ status: 'pending' }, { status: 'pending' }],
    [{ status: 'answered', answer: 'safe' }, { status: 'answered', answer: 'safe' }],
    [{ status: 'answered', answer: 'delete', note: ' 削除後、ごみ箱も空にしてください ' }, { status: 'answered', answer: 'delete', note: '削除後、ごみ箱も空にしてください' }],
    [{ status: 'resolved', answer: null, note: null }, { status: 'resolved' }],
    [{ status: 'answered', note: '内線 1234 に折り返します' }, { status: 'answered', note: '内線 1234 に折り返します' }],
  ])('accepts %j', (input, expected) => {
    expect(parseAnswer(input)).toEqual({ answer: expected, problems: [] });
  });

  it.each([
    [null, /object/],
    [[], /object/],
    ['answered', /object/],
    [{ status: 'done' }, /status/],
    [{}, /status/],
    [{ status: 'answered' }, /without/],
    [{ status: 'answered', answer: 'open-it-now' }, /unknown value/],
  ])('rejects %j with a problem', (input, problem) => {
    const r = parseAnswer(input);
    expect(r.answer).toBeUndefined();
    expect(r.problems.join(' ')).toMatch(problem);
  });

  it('keeps a valid status but reports unknown codes, fields, control characters and long notes', () => {
    const r = parseAnswer({ status: 'resolved', answer: 'reboot', note: `a\u0007b${'x'.repeat(2000)}`, html: '<b>' });
    expect(r.answer).toEqual({ status: 'resolved', note: `ab${'x'.repeat(ANSWER_NOTE_CHARS - 2)}` });
    expect(r.problems).toHaveLength(3);
  });

  it('reads response text and never throws on junk', () => {
    expect(parseAnswerText('{"status":"answered","answer":"will-call"}').answer).toEqual({ status: 'answered', answer: 'will-call' });
    expect(parseAnswerText('<html>').problems).toEqual(['answer: not JSON']);
  });

  it('has a Japanese and an English text for every code', () => {
    for (const code of ANSWER_CODES) {
      expect(ANSWER_TEXTS[code].ja).toMatch(/[ぁ-んァ-ヶ一-龯]/);
      expect(ANSWER_TEXTS[code].en.length).toBeGreaterThan(5);
    }
  });
});
