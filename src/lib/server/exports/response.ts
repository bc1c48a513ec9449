/** Response headers of a download (framework-free, so routes stay one call). */
import type { Download, ExportFormat } from './downloads';

export function downloadHeaders(download: Download, format: ExportFormat): Record<string, string> {
  const day = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Berlin' });
  const file = `${download.name}-${day}.${format}`;
  return {
    'content-type': download.contentType,
    // ASCII fallback plus RFC 5987 for the UTF-8 name.
    'content-disposition': `attachment; filename="${file.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(file)}`,
    'cache-control': 'public, max-age=60',
    'x-content-type-options': 'nosniff',
  };
}

/** The body as something `Response` accepts. */
export function downloadBody(download: Download): string | Uint8Array<ArrayBuffer> {
  return typeof download.body === 'string' ? download.body : new Uint8Array(download.body);
}
