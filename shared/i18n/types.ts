/** Shapes of the text tables. */
export type Lang = 'ja' | 'en';

export interface FindingTexts {
  title: string;
  message: string;
}

export type RuleTexts = Readonly<Record<string, FindingTexts>>;
