import { api, data } from '../../../shared/api/client';
import type { ApiBody, ApiData, ApiQuery, UrlQuery } from '../../../shared/api/types';

/** 困境儿童摸底排查: `/api/v1/screenings` and `/api/v1/screening-children`; every type is the server's (generated). */
export type Screening = ApiData<'/api/v1/screenings/{id}/townships/{orgId}/complete', 'post'>;
export type TownshipProgress = Screening['townships'][number];
export type ProgressTotal = Screening['total'];
export type ScreeningDetail = ApiData<'/api/v1/screenings/{id}'>;
/** A child as lists show it: the name masked (王**). */
export type ScreenedChild = ScreeningDetail['overdueChildren'][number];
export type ScreenedChildDetail = ApiData<'/api/v1/screening-children/{id}'>;
export type StepState = ScreenedChild['interventionState'];
export type CreateScreeningInput = ApiBody<'/api/v1/screenings'>;
export type AddChildInput = ApiBody<'/api/v1/screenings/{id}/children'>;

const path = (id: string) => ({ params: { path: { id } } });

export const listScreenings = (q: UrlQuery<ApiQuery<'/api/v1/screenings'>>) =>
  data(api.GET('/api/v1/screenings', { params: { query: q as ApiQuery<'/api/v1/screenings'> } }));
export const createScreening = (body: CreateScreeningInput) => data(api.POST('/api/v1/screenings', { body }));
export const getScreening = (id: string) => data(api.GET('/api/v1/screenings/{id}', path(id)));
export const listScreenedChildren = (id: string, q: UrlQuery<ApiQuery<'/api/v1/screenings/{id}/children'>>) =>
  data(api.GET('/api/v1/screenings/{id}/children', { params: { path: { id }, query: q as ApiQuery<'/api/v1/screenings/{id}/children'> } }));
export const addScreenedChild = (id: string, body: AddChildInput) => data(api.POST('/api/v1/screenings/{id}/children', { ...path(id), body }));
export const getScreenedChild = (id: string) => data(api.GET('/api/v1/screening-children/{id}', path(id)));
export const recordIntervention = (id: string, body: ApiBody<'/api/v1/screening-children/{id}/intervention'>) =>
  data(api.POST('/api/v1/screening-children/{id}/intervention', { ...path(id), body }));
export const recordPairing = (id: string, body: ApiBody<'/api/v1/screening-children/{id}/pairing'>) =>
  data(api.POST('/api/v1/screening-children/{id}/pairing', { ...path(id), body }));
export const completeTownship = (id: string, orgId: string, found: number) =>
  data(api.POST('/api/v1/screenings/{id}/townships/{orgId}/complete', { params: { path: { id, orgId } }, body: { found } }));
