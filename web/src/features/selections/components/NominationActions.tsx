import { Button, InputNumber, Space } from 'antd';
import type { Nomination } from '../api';

export interface NominationActionProps {
  canReview: boolean;
  canScore: boolean;
  /** 提名 or 审核 stage: the nominating unit (or a unit above it) may take a live nomination back */
  canWithdraw: boolean;
  score: number | null | undefined;
  onScoreChange: (v: number | null) => void;
  onAccept: () => void;
  onReject: () => void;
  onWithdraw: () => void;
  onScore: () => void;
  /** 公开信息 (display name, consent, photo, 事迹): the nominating unit or the organizer, until the award */
  canPublish: boolean;
  onPublish: () => void;
}

/** 通过 / 不通过, 撤回 and the jury's score box, shared by the desktop table and the phone cards. */
export function NominationActions({ r, canReview, canScore, canWithdraw, score, onScoreChange, onAccept, onReject, onWithdraw, onScore, canPublish, onPublish }: NominationActionProps & { r: Nomination }) {
  return (
    <Space wrap>
      {canPublish && (r.status === 'nominated' || r.status === 'accepted') ? <Button size="small" onClick={onPublish}>公开信息</Button> : null}
      {canReview && r.status !== 'accepted' && r.status !== 'withdrawn' ? <Button size="small" onClick={onAccept}>通过</Button> : null}
      {canReview && r.status !== 'rejected' && r.status !== 'withdrawn' ? <Button size="small" danger onClick={onReject}>不通过</Button> : null}
      {canWithdraw && (r.status === 'nominated' || r.status === 'accepted') ? <Button size="small" onClick={onWithdraw}>撤回</Button> : null}
      {canScore && r.status === 'accepted' ? (
        <Space.Compact>
          <InputNumber size="small" min={0} max={100} placeholder="0–100" aria-label={`评分 ${r.code}`} value={score ?? r.myScore ?? undefined} onChange={onScoreChange} style={{ width: 80 }} />
          <Button size="small" onClick={onScore}>评分</Button>
        </Space.Compact>
      ) : null}
    </Space>
  );
}
