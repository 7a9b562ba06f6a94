import { ApiError, csrfHeaders, notifyUnauthorized, toApiError } from './http';

/**
 * Posts one file as multipart field `file` with the session cookie and CSRF header, reporting
 * upload progress (XMLHttpRequest, because fetch has none). Errors come back as ApiError like
 * every other call; a 413 the proxy answered without our JSON gets `tooLargeMessage`.
 */
export function uploadFile<T>(url: string, file: File, opts: { onProgress?: (percent: number) => void; tooLargeMessage: string }): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.withCredentials = true;
    xhr.setRequestHeader('accept', 'application/json');
    for (const [k, v] of Object.entries(csrfHeaders())) xhr.setRequestHeader(k, v);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) opts.onProgress?.(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK', '网络连接失败，请检查网络后重试'));
    xhr.onload = () => {
      let json: unknown = null;
      try {
        json = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        json = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) return resolve(json as T);
      if (xhr.status === 401) notifyUnauthorized();
      if (xhr.status === 413 && !(json as { error?: unknown } | null)?.error) return reject(new ApiError(413, 'TOO_LARGE', opts.tooLargeMessage));
      reject(toApiError(xhr.status, json));
    };
    const data = new FormData();
    data.append('file', file, file.name);
    xhr.send(data);
  });
}
