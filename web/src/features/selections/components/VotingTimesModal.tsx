import type { Dayjs } from 'dayjs';
import { FormModal } from '../../../ui/FormModal';
import { type Campaign, campaignsApi } from '../api';
import { instantToPicker, pickerToInstant } from '../voting-times';
import { VotingTimesFields } from './VotingTimesFields';

/** 设置投票时间: the organizer sets 投票开始/截止; the vote opens and closes by itself at these times. */
export function VotingTimesModal({ campaign, open, onClose, onDone }: { campaign: Campaign; open: boolean; onClose: () => void; onDone: () => void }) {
  const started = campaign.votingPhase === 'open' || campaign.votingPhase === 'ended';
  return (
    <FormModal<{ votingStartsAt?: Dayjs | null; votingEndsAt?: Dayjs | null }>
      open={open}
      title="设置投票时间"
      fields={['votingStartsAt', 'votingEndsAt']}
      onClose={onClose}
      initialValues={{ votingStartsAt: instantToPicker(campaign.votingStartsAt), votingEndsAt: instantToPicker(campaign.votingEndsAt) }}
      onSubmit={async (v) => {
        await campaignsApi.update(campaign.id, { ...(started ? {} : { votingStartsAt: pickerToInstant(v.votingStartsAt) }), votingEndsAt: pickerToInstant(v.votingEndsAt) });
        onDone();
      }}
    >
      <VotingTimesFields startDisabled={started} />
    </FormModal>
  );
}
