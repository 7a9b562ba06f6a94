import { Button, Flex, Input, Popover } from 'antd';
import { useEffect, useRef, useState } from 'react';
import '../notices.css';

interface Props {
  value?: string;
  onChange?: (html: string) => void;
  id?: string;
}

/**
 * The notice body: a small editor for paragraphs, 加粗, lists and links (what the server keeps; it
 * removes anything else when saving, domain/notices/rich-text.ts). Enter starts a new paragraph.
 */
export function RichTextEditor({ value, onChange, id }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const [linkOpen, setLinkOpen] = useState(false);
  const [link, setLink] = useState('https://');
  const saved = useRef<Range | null>(null);

  // the text is set from outside only when it differs (an opened draft), so typing keeps the caret
  useEffect(() => {
    const el = ref.current;
    if (el && value !== undefined && el.innerHTML !== value) el.innerHTML = value;
  }, [value]);

  const emit = () => onChange?.(ref.current?.innerHTML ?? '');
  const run = (command: string, arg?: string) => {
    ref.current?.focus();
    document.execCommand('defaultParagraphSeparator', false, 'p');
    document.execCommand(command, false, arg);
    emit();
  };
  const keepSelection = () => {
    const sel = window.getSelection();
    saved.current = sel && sel.rangeCount ? sel.getRangeAt(0) : null;
  };
  const addLink = () => {
    const url = link.trim();
    setLinkOpen(false);
    if (!/^https?:\/\/\S+$/i.test(url)) return;
    ref.current?.focus();
    const sel = window.getSelection();
    if (saved.current && sel) {
      sel.removeAllRanges();
      sel.addRange(saved.current);
    }
    if (sel && sel.isCollapsed) document.execCommand('insertText', false, url);
    if (sel && !sel.isCollapsed) run('createLink', url);
    else {
      // the inserted address is selected backwards by its length, then linked
      for (let i = 0; i < url.length; i++) sel?.modify('extend', 'backward', 'character');
      run('createLink', url);
    }
    setLink('https://');
  };

  return (
    <div className="qt-rte">
      <Flex gap={4} wrap className="qt-rte-toolbar">
        <Button size="small" aria-label="加粗" onMouseDown={(e) => e.preventDefault()} onClick={() => run('bold')}>
          <b>加粗</b>
        </Button>
        <Button size="small" onMouseDown={(e) => e.preventDefault()} onClick={() => run('insertOrderedList')}>
          编号列表
        </Button>
        <Button size="small" onMouseDown={(e) => e.preventDefault()} onClick={() => run('insertUnorderedList')}>
          项目列表
        </Button>
        <Popover
          open={linkOpen}
          onOpenChange={(o) => setLinkOpen(o)}
          trigger="click"
          content={
            <Flex gap={8}>
              <Input size="small" value={link} onChange={(e) => setLink(e.target.value)} onPressEnter={addLink} style={{ width: 220 }} aria-label="链接地址" />
              <Button size="small" type="primary" onClick={addLink}>
                插入
              </Button>
            </Flex>
          }
        >
          <Button
            size="small"
            onMouseDown={(e) => {
              e.preventDefault();
              keepSelection();
            }}
          >
            链接
          </Button>
        </Popover>
      </Flex>
      <div
        id={id}
        ref={ref}
        className="qt-rte-body qt-notice-body"
        contentEditable
        role="textbox"
        aria-multiline="true"
        aria-label="正文"
        data-testid="notice-body-editor"
        suppressContentEditableWarning
        onInput={emit}
        onBlur={emit}
        onFocus={() => document.execCommand('defaultParagraphSeparator', false, 'p')}
      />
    </div>
  );
}
