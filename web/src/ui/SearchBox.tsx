import { Button, Input, Space } from 'antd';
import { useEffect, useState } from 'react';

interface Props {
  value?: string;
  placeholder?: string;
  width?: number;
  onSearch: (text: string) => void;
  /** Lands on the <input> itself (antd's Input.Search would put it on the wrapper). */
  testId?: string;
}

/** A search field with a 查询 button; Enter searches, clearing the field shows everything again. */
export function SearchBox({ value = '', placeholder, width = 320, onSearch, testId }: Props) {
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  return (
    <Space.Compact style={{ width, maxWidth: '100%' }}>
      <Input
        data-testid={testId}
        allowClear
        value={text}
        placeholder={placeholder}
        onChange={(e) => {
          setText(e.target.value);
          if (e.target.value === '') onSearch('');
        }}
        onPressEnter={() => onSearch(text.trim())}
      />
      <Button type="primary" onClick={() => onSearch(text.trim())}>
        查询
      </Button>
    </Space.Compact>
  );
}
