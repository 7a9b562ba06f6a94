/** One page's help: what it is for, how it is used, what each item means, and the rules it follows. */
export interface HelpTopic {
  /** the page's name as the menu says it */
  title: string;
  /** what the page is for, in one or two sentences */
  purpose: string;
  /** the usual steps, in order */
  steps?: string[];
  /** each field or column: its name and what to write or read there */
  fields?: { name: string; text: string }[];
  /** rules written once and shown on every page they apply to (rules.ts) */
  rules?: RuleKey[];
  /** pages to go on to */
  links?: { label: string; to: string }[];
}

export type RuleKey = 'scope' | 'period' | 'expectedProgress' | 'figureFormats' | 'placeholders' | 'roles' | 'imports' | 'money' | 'dates' | 'personalData' | 'caseDeadlines' | 'print';

export interface HelpRule {
  title: string;
  paragraphs: string[];
  /** 写法 → 结果 */
  examples?: { write: string; result: string }[];
}
