import { api, data } from '../../../shared/api/client';
import type { ApiBody, ApiData, ApiQuery, UrlQuery } from '../../../shared/api/types';

/** Cases (个案): `/api/v1/cases`; every type is the server's (generated). Children's names arrive masked (王**). */
export type CaseItem = ApiData<'/api/v1/cases/{id}', 'patch'>;
export type CaseDetail = ApiData<'/api/v1/cases/{id}'>;
export type CaseParty = CaseItem['parties'][number];
export type Deadline = CaseItem['deadline'];
export type TimelineEntry = CaseDetail['timeline'][number];
export type CaseSummary = ApiData<'/api/v1/cases/facets'>;
export type CaseInput = ApiBody<'/api/v1/cases'>;
export type CaseEdit = ApiBody<'/api/v1/cases/{id}', 'patch'>;
export type TransitionInput = ApiBody<'/api/v1/cases/{id}/transitions'>;
export type FollowupInput = ApiBody<'/api/v1/cases/{id}/followups'>;
export type CaseQuery = UrlQuery<ApiQuery<'/api/v1/cases'>>;
type FacetsQuery = UrlQuery<ApiQuery<'/api/v1/cases/facets'>>;

const path = (id: string) => ({ params: { path: { id } } });

export const listCases = (q: CaseQuery) => data(api.GET('/api/v1/cases', { params: { query: q as ApiQuery<'/api/v1/cases'> } }));
/** The inbox's counts under the same filters as the list (each facet ignores only its own filter). */
export const caseFacets = (q: FacetsQuery) => data(api.GET('/api/v1/cases/facets', { params: { query: q as ApiQuery<'/api/v1/cases/facets'> } }));
export const getCase = (id: string) => data(api.GET('/api/v1/cases/{id}', path(id)));
export const createCase = (body: CaseInput) => data(api.POST('/api/v1/cases', { body }));
export const updateCase = (id: string, body: CaseEdit) => data(api.PATCH('/api/v1/cases/{id}', { ...path(id), body }));
export const transitionCase = (id: string, body: TransitionInput) => data(api.POST('/api/v1/cases/{id}/transitions', { ...path(id), body }));
export const addFollowup = (id: string, body: FollowupInput) => data(api.POST('/api/v1/cases/{id}/followups', { ...path(id), body }));
export const handlerOptions = (id: string) => data(api.GET('/api/v1/cases/{id}/handler-options', path(id)));
export const transferOptions = (id: string) => data(api.GET('/api/v1/cases/{id}/transfer-options', path(id)));
