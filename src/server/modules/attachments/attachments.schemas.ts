import { z } from 'zod';

export const attachmentEntities = ['activities', 'assistance', 'loans', 'contracts', 'cases', 'wishes', 'notices', 'nominations'] as const;
export type AttachmentEntity = (typeof attachmentEntities)[number];

const entity = z.enum(attachmentEntities, { error: `entity 应为 ${attachmentEntities.join('、')} 之一` }).describe('所属台账、个案（cases）、通知（notices）或评选提名的照片（nominations）');
const entityId = z.string({ error: 'entityId 为必填项' }).trim().min(1, 'entityId 为必填项').max(64).describe('所属记录 id');
export const attachmentTargetQuery = z.object({ entity, entityId });
export type AttachmentTarget = z.infer<typeof attachmentTargetQuery>;
export const attachmentIdParam = z.object({ id: z.string().min(1).max(64) });
export const maxAttachmentBytes = 10 * 1024 * 1024;
