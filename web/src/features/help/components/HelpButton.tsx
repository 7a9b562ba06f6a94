import { Button, Drawer } from 'antd';
import { useState } from 'react';
import { Link, useLocation } from 'react-router-dom';
import { useIsMobile } from '../../../ui/use-is-mobile';
import { helpFor } from '../content';
import { HelpContent } from './HelpContent';

/** 帮助 in the app header: a drawer with the current page's help, and the way to the 使用手册. */
export function HelpButton() {
  const [open, setOpen] = useState(false);
  const { pathname } = useLocation();
  const isMobile = useIsMobile();
  const topic = helpFor(pathname);
  return (
    <>
      <Button size="small" data-testid="help-open" onClick={() => setOpen(true)}>
        帮助
      </Button>
      <Drawer
        open={open}
        onClose={() => setOpen(false)}
        placement="right"
        size={isMobile ? '100%' : 480}
        title={topic ? `帮助：${topic.title}` : '帮助'}
        rootClassName="qt-help-drawer"
        footer={
          <Link to="/help" onClick={() => setOpen(false)} data-testid="help-manual-link">
            打开使用手册（从初始设置到年度报告）
          </Link>
        }
      >
        {topic ? <HelpContent topic={topic} /> : <p>本页没有单独的说明，请打开下方的使用手册。</p>}
      </Drawer>
    </>
  );
}
