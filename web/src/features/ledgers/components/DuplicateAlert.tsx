import { Alert } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { showDate } from '../../../ui/dates';
import type { DuplicateWarning } from '../api';

/** 重复帮扶预警: the same person helped under the same program in the same period by another unit. */
export function DuplicateAlert({ warnings, action }: { warnings: DuplicateWarning[]; action?: ReactNode }) {
  const dups = warnings.filter((w) => w.code === 'DUPLICATE_ASSISTANCE');
  if (!dups.length) return null;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="duplicate-warning"
      style={{ marginBottom: 16 }}
      title="重复帮扶预警"
      action={action}
      description={dups.map((w, i) => (
        <div key={i}>
          <div>{w.message}</div>
          {w.others?.length ? (
            <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
              {w.others.map((o) => (
                <li key={o.id}>
                  <Link to={`/assistance/${o.id}`}>
                    {o.orgName ?? '其他单位'} · {showDate(o.givenOn)}
                  </Link>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ))}
    />
  );
}
