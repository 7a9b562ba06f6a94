import { forwardRef, type SyntheticEvent, useRef } from 'react';
import type { TemplateIssue } from '../api';

interface Props {
  value: string;
  onChange: (text: string) => void;
  onCursor: (line: number) => void;
  issues: readonly TemplateIssue[];
  readOnly?: boolean;
}

const lineHeight = 21;
const font = 'ui-monospace, "Noto Sans Mono CJK SC", "Noto Sans CJK SC", monospace';

/**
 * The template's text with a line-number gutter; lines with a problem are marked in the gutter with
 * the message as a tooltip. Lines do not wrap, so each number stays beside its line.
 */
export const TemplateTextArea = forwardRef<HTMLTextAreaElement, Props>(function TemplateTextArea({ value, onChange, onCursor, issues, readOnly }, ref) {
  const gutter = useRef<HTMLDivElement>(null);
  const count = value.split('\n').length;
  const rows = Math.min(Math.max(count + 1, 18), 36);
  const byLine = new Map<number, string[]>();
  for (const i of issues) byLine.set(i.line, [...(byLine.get(i.line) ?? []), i.message]);
  const cursor = (e: SyntheticEvent<HTMLTextAreaElement>) => onCursor(value.slice(0, e.currentTarget.selectionStart).split('\n').length);
  return (
    <div style={{ display: 'flex', border: '1px solid #d9d9d9', borderRadius: 6, overflow: 'hidden', background: '#fff' }}>
      <div ref={gutter} aria-hidden style={{ overflow: 'hidden', height: rows * lineHeight + 16, background: '#fafafa', borderRight: '1px solid #f0f0f0', userSelect: 'none' }}>
        <div style={{ padding: '8px 0' }}>
          {Array.from({ length: count }, (_, k) => {
            const bad = byLine.get(k + 1);
            return (
              <div
                key={k}
                title={bad?.join('\n')}
                data-testid={bad ? 'template-bad-line' : undefined}
                style={{ height: lineHeight, lineHeight: `${lineHeight}px`, fontFamily: font, fontSize: 12, textAlign: 'right', padding: '0 8px', minWidth: 44, color: bad ? '#fff' : '#999', background: bad ? '#ff4d4f' : undefined }}
              >
                {k + 1}
              </div>
            );
          })}
        </div>
      </div>
      <textarea
        ref={ref}
        data-testid="template-body"
        value={value}
        readOnly={readOnly}
        spellCheck={false}
        wrap="off"
        rows={rows}
        onChange={(e) => onChange(e.target.value)}
        onSelect={cursor}
        onScroll={(e) => {
          if (gutter.current) gutter.current.scrollTop = e.currentTarget.scrollTop;
        }}
        placeholder={'# {{year}}年工作总结\n一、{{year}}年工作回顾\n（一）小标题。正文，数字写成 {{loans.amount | fmt=wan}}万元。'}
        style={{ flex: 1, border: 0, outline: 'none', resize: 'none', padding: 8, fontFamily: font, fontSize: 13, lineHeight: `${lineHeight}px`, height: rows * lineHeight + 16, whiteSpace: 'pre', overflow: 'auto' }}
      />
    </div>
  );
});
