import type { ReportKind } from '../../../domain/report/figures';

/** The reports the API generates: 年度 (annual) and 半年 (half-year). */
export const reportKinds = ['annual', 'half-year'] as const satisfies readonly ReportKind[];
