import { type ReactNode, useEffect } from 'react';
import { Link } from './router';

export const siteName = '群团公众服务';

/** The phone page frame: a red title bar (with an optional back link), the content, a plain footer. */
export function Layout({ title, back, children }: { title: string; back?: string; children: ReactNode }) {
  useEffect(() => {
    // the home page's own title is the site's name: not 群团公众服务 · 群团公众服务
    document.title = title === siteName ? siteName : `${title} · ${siteName}`;
  }, [title]);
  return (
    <div className="p-page">
      <header className="p-bar">
        {back ? (
          <Link to={back} className="p-back">
            ‹ 返回
          </Link>
        ) : null}
        <h1>{title}</h1>
      </header>
      <main className="p-main">{children}</main>
      <footer className="p-foot">群团工作平台 · 公众服务</footer>
    </div>
  );
}
