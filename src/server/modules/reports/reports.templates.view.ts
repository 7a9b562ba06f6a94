import { z } from 'zod';
import type { OmittedSentence } from '../../../domain/report/render';
import type { TemplateIssue } from '../../../domain/report/template';
import type { TemplateSource } from './reports.service';
import { templateKinds } from './reports.templates.schemas';
import type { TemplateItem, TemplateVersion } from './reports.templates.service';

/**
 * What the report-template routes answer, as the zod schemas the routes declare (the OpenAPI document
 * and the web's generated types carry them). Each `satisfies` the service's own type, so a field added
 * to an answer and not here fails the typecheck instead of being dropped.
 */
export const templateItem = z.object({
  id: z.string(), orgId: z.string(), orgCode: z.string(), orgName: z.string(), name: z.string(), kind: z.enum(templateKinds), version: z.number(),
  updatedAt: z.string(), updatedByName: z.string().nullable(), createdAt: z.string(),
}) satisfies z.ZodType<TemplateItem>;
const templateVersion = z.object({
  version: z.number(), name: z.string(), kind: z.enum(templateKinds), note: z.string().nullable(), createdAt: z.string(), createdByName: z.string().nullable(),
}) satisfies z.ZodType<TemplateVersion>;

export const templateList = z.object({ items: z.array(templateItem) });
export const templateDetail = templateItem.extend({ body: z.string(), note: z.string().nullable(), versions: z.array(templateVersion) });
export const templateVersionDetail = templateVersion.extend({ templateId: z.string(), body: z.string() });

const templateIssue = z.object({ line: z.number(), column: z.number().optional(), placeholder: z.string(), message: z.string() }) satisfies z.ZodType<TemplateIssue>;
const omittedSentence = z.object({ n: z.number(), line: z.number(), sentence: z.string(), placeholders: z.array(z.string()), reason: z.string() }) satisfies z.ZodType<OmittedSentence>;
const previewFigure = z.object({
  n: z.number(), text: z.string(), ref: z.string(), org: z.string(), orgName: z.string(), from: z.string(), to: z.string(), value: z.number(), unit: z.string(), line: z.number(),
});
export const previewResult = z.discriminatedUnion('valid', [
  z.object({ valid: z.literal(true), title: z.string(), html: z.string(), figures: z.array(previewFigure), omitted: z.array(omittedSentence) }),
  z.object({ valid: z.literal(false), issues: z.array(templateIssue) }),
]);

export const effectiveTemplateView = z.object({
  source: z.enum(['stored', 'default']),
  id: z.string(),
  name: z.string(),
  version: z.number().nullable(),
  orgName: z.string().nullable(),
  inherited: z.boolean(),
  skipped: z.object({ id: z.string(), name: z.string(), orgName: z.string(), reason: z.string() }).optional().describe('不能用于本单位的上级模板及原因（此时用默认模板）'),
}) satisfies z.ZodType<TemplateSource>;
