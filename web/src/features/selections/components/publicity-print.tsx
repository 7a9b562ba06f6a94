import { showDate } from '../../../ui/dates';
import { PrintNote, PrintTable, SignatureLines, type PrintDocument } from '../../../ui/print';
import { campaignsApi, nomineeTypeLabels, type Campaign } from '../api';

/**
 * 公示名单 (表彰名单 once awarded) on paper, to post on a notice board: the same names the public page
 * shows (the public name, its code and its nominating unit), the publicity period and where to object.
 */
export async function publicityPrintDocument(c: Campaign): Promise<PrintDocument> {
  const { items } = await campaignsApi.nominations(c.id);
  const winners = items.filter((n) => n.winner && n.status === 'accepted');
  const awarded = c.stage === 'awarded';
  // a score means something only when votes or a jury decided; 审核通过即入选 has none
  const scored = (c.votingEnabled || c.juryEnabled) && winners.some((n) => n.finalScore !== undefined);
  const period = awarded ? `表彰日期：${showDate(c.awardedOn)}` : `公示期：${showDate(c.publicityFrom)}至${showDate(c.publicityTo)}`;
  return {
    title: `${c.year}年度${c.name}${awarded ? '表彰名单' : '公示名单'}`,
    unitName: c.orgName,
    meta: `${c.kind}　${nomineeTypeLabels[c.nomineeType]}　${c.awardLevel}　${period}`,
    body: (
      <>
        <PrintNote>{`经层层推荐、审核${c.votingEnabled ? '、网络投票' : ''}${c.juryEnabled ? '、评委评审' : ''}，共 ${winners.length} 个${nomineeTypeLabels[c.nomineeType]}入选，名单如下：`}</PrintNote>
        <PrintTable
          rows={winners}
          empty="尚无入选名单"
          columns={[
            { title: '序号', width: '3em', align: 'center', render: (_n, i) => i + 1 },
            { title: '编号', width: '6em', render: (n) => n.code },
            { title: '名称', width: '9em', render: (n) => n.publicName },
            { title: '推荐单位', width: '10em', render: (n) => n.nominatingOrgName },
            { title: '主要事迹', render: (n) => n.deeds },
            ...(scored ? [{ title: '最终得分', width: '5em', align: 'right' as const, render: (n: (typeof winners)[number]) => n.finalScore ?? '—' }] : []),
          ]}
        />
        {awarded ? null : (
          <PrintNote>
            {`公示期间，对公示对象有异议的，可在本次评选的公示页面验证手机号后提出，或向${c.orgName}反映。`}
          </PrintNote>
        )}
        <SignatureLines labels={[`${c.orgName}（盖章）`, '日期']} />
      </>
    ),
  };
}
