import type { paths } from './schema';

/**
 * Names for the server's types as the web uses them, all read from the generated schema:
 * `ApiData<'/api/v1/cases/{id}', 'get'>` is what that route answers, `ApiBody<…>` what it takes,
 * `ApiQuery<…>` its query string. There is no hand-written copy of a server view type in the web.
 */
type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type Op<P extends keyof paths, M extends Method> = NonNullable<paths[P][M]>;
type Json<R> = R extends { content: { 'application/json': infer T } } ? T : never;
type OkOf<Responses> = 200 extends keyof Responses ? Json<Responses[200]> : 201 extends keyof Responses ? Json<Responses[201]> : never;

export type ApiData<P extends keyof paths, M extends Method = 'get'> = Op<P, M> extends { responses: infer R } ? OkOf<R> : never;
export type ApiBody<P extends keyof paths, M extends Method = 'post'> =
  Op<P, M> extends { requestBody?: { content: { 'application/json': infer B } } } ? B : never;
export type ApiQuery<P extends keyof paths, M extends Method = 'get'> = Op<P, M> extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;
/** An item of a `{ items: [...] }` answer. */
export type ApiItem<P extends keyof paths, M extends Method = 'get'> = ApiData<P, M> extends { items: (infer I)[] } ? I : never;
/**
 * A query as a page builds it from its URL: every value may be a plain string (the server checks
 * it and answers in Chinese), numbers and flags as the route declares them.
 */
export type UrlQuery<Q> = { [K in keyof Q]?: Q[K] | string };
