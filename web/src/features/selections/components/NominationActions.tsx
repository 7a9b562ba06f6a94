import { Button, InputNumber, Space } from 'antd';
import type { Nomination } from '../api';

export interface NominationActionProps {
  canReview: boolean;
  canScore: boolean;
  score: number | null | undefined;
  onScoreChange: (v: number | null) => void;
  onAccept: () => void;
  onReject: () => void;
  onScore: () => void;
}

/** 通过 / 不通过 and the jury's score box, shared by the desktop table and the phone cards. */
export function NominationActions({ r, canReview, canScore, score, onScoreChange, onAccept, onReject, onScore }: NominationActionProps & { r: Nomination }) {
  return (
    <Space wrap>
      {canReview && r.status !== 'accepted' ? <Button size="small" onClick={onAccept}>通过</Button> : null}
      {canReview && r.status !== 'rejected' ? <Button size="small" danger onClick={onReject}>不通过</Button> : null}
      {canScore && r.status === 'accepted' ? (
        <Space.Compact>
          <InputNumber size="small" min={0} max={100} placeholder="0–100" aria-label={`评分 ${r.code}`} value={score ?? r.myScore ?? undefined} onChange={onScoreChange} style={{ width: 80 }} />
          <Button size="small" onClick={onScore}>评分</Button>
        </Space.Compact>
      ) : null}
    </Space>
  );
}
