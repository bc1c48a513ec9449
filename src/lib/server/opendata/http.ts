/**
 * HTTP answers of the open-data files: correct media type, a strong ETag over the bytes
 * (If-None-Match → 304), Last-Modified from the data, public caching with revalidation, and
 * CORS for reads (harvesters and apps fetch them from other origins).
 */
import { sha256 } from '../text/hash';

export interface OpenDataFile {
  body: string | Uint8Array<ArrayBuffer>;
  contentType: string;
  /** ISO time of the newest change in the data. */
  modified: string;
  /** Offered as a download with this name. */
  filename?: string;
}

export const OPEN_DATA_CACHE_CONTROL = 'public, max-age=300, stale-while-revalidate=3600';

export function openDataResponse(file: OpenDataFile, request: Request): Response {
  const bytes = typeof file.body === 'string' ? new TextEncoder().encode(file.body) : file.body;
  const etag = `"${sha256(Buffer.from(bytes)).slice(0, 32)}"`;
  const headers: Record<string, string> = {
    'content-type': file.contentType,
    etag,
    'last-modified': new Date(file.modified).toUTCString(),
    'cache-control': OPEN_DATA_CACHE_CONTROL,
    'access-control-allow-origin': '*',
    'x-content-type-options': 'nosniff',
  };
  if (file.filename) headers['content-disposition'] = `attachment; filename="${file.filename}"`;
  const match = request.headers.get('if-none-match');
  if (match && match.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)) return new Response(null, { status: 304, headers });
  return new Response(bytes, { status: 200, headers: { ...headers, 'content-length': String(bytes.byteLength) } });
}
