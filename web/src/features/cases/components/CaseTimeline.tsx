import { Timeline, Typography } from 'antd';
import { showDate, showInstant } from '../../../ui/dates';
import type { CaseDetail, TimelineEntry } from '../api';
import { actionLabel } from './badges';

const colors: Record<string, string> = { register: 'blue', reject: 'gray', refuse_transfer: 'red', close: 'green', archive: 'gray', reopen: 'orange', edit: 'gray' };

/** What a step carried besides its note: the unit it went to, the outcome, the handler, the visit (also on the printed 办理单). */
export function timelineExtra(e: TimelineEntry, c: CaseDetail): string | null {
  const d = e.data;
  if (e.action === 'transfer' && typeof d.toOrgName === 'string') return `转往${d.toOrgName}`;
  if (e.action === 'close' && typeof d.outcome === 'string') return `结果：${d.outcome}`;
  if (e.action === 'assign' && d.handlerId === c.handlerId && c.handlerName) return `承办人：${c.handlerName}`;
  if (e.action === 'followup' && typeof d.method === 'string') return `${d.method}回访${typeof d.on === 'string' ? `（${showDate(d.on)}）` : ''}`;
  if (e.action === 'register' && typeof d.channel === 'string') return `来源：${d.channel}`;
  return null;
}

/** The case's whole timeline, oldest first: every step, who took it, when, and why. */
export function CaseTimeline({ item }: { item: CaseDetail }) {
  return (
    <Timeline
      data-testid="case-timeline"
      items={item.timeline.map((e, i) => {
        const more = timelineExtra(e, item);
        return {
          key: i,
          color: colors[e.action] ?? 'blue',
          content: (
            <div data-testid="timeline-entry" style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
              <Typography.Text strong>{actionLabel(e.action)}</Typography.Text>
              {e.fromStatus && e.fromStatus !== e.toStatus ? <Typography.Text type="secondary">{`　${e.fromStatus} → ${e.toStatus}`}</Typography.Text> : null}
              <div style={{ color: '#8c8c8c', fontSize: 13 }}>
                {showInstant(e.at)}　{e.actorName}
              </div>
              {more ? <div>{more}</div> : null}
              {e.note ? <div>{e.note}</div> : null}
            </div>
          ),
        };
      })}
    />
  );
}
