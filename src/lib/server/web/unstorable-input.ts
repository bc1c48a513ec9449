/**
 * The request-level safety net for text PostgreSQL cannot store (NUL, lone surrogates): checked
 * in the query string and in form and JSON bodies before any route reads them, answered with a
 * clear German message — problem+json for the API, a failed action result for enhanced forms (the
 * form keeps what was typed), a small German page otherwise. Routes that must count and audit
 * every attempt themselves (the login) are passed over and check on their own.
 */
import { stringify } from 'devalue';
import { hasUnstorableText, UNSTORABLE_TEXT_MESSAGE, unstorableFields } from '../text/storable';
import { createTranslator, dirOf, type Locale } from '../../i18n';
import { plainPageResponse } from './plain-page';

/** Paths whose handlers check stored text on their own (see the module comment). */
const SELF_CHECKED_PATHS = new Set(['/anmelden']);

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Field names (of the query and the body) whose name or value cannot be stored; empty when fine. */
export async function findUnstorableInput(request: Request, url: URL): Promise<string[]> {
  const fields = unstorableFields(url.searchParams.entries());
  if (hasUnstorableText(decodeURIComponentSafe(url.pathname))) fields.push('(Pfad)');
  if (!BODY_METHODS.has(request.method) || SELF_CHECKED_PATHS.has(url.pathname)) return fields;
  const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  try {
    if (type === 'application/x-www-form-urlencoded' || type === 'multipart/form-data') {
      const form = await request.clone().formData();
      const entries: [string, unknown][] = [];
      // File contents are checked by whoever reads them; only their names are text here.
      form.forEach((value, name) => entries.push([name, typeof value === 'string' ? value : value.name]));
      fields.push(...unstorableFields(entries));
    } else if (type === 'application/json' || type.endsWith('+json')) {
      const text = await request.clone().text();
      // JSON escapes (\u0000) decode to the same characters the route would store.
      if (hasUnstorableText(text) || hasUnstorableText(safeJsonStrings(text))) fields.push('(JSON)');
    }
  } catch {
    // A body that does not parse is the route's to refuse (SvelteKit answers 400/415 itself).
  }
  return fields;
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** All string values of a JSON text, joined (empty when it does not parse). */
function safeJsonStrings(text: string): string {
  const out: string[] = [];
  try {
    JSON.parse(text, (key, value) => {
      out.push(key);
      if (typeof value === 'string') out.push(value);
      return value;
    });
  } catch {
    return '';
  }
  return out.join('\n');
}

/** Like SvelteKit's own choice for a form action's answer: JSON unless HTML is asked for. */
function wantsActionJson(request: Request): boolean {
  const accept = request.headers.get('accept') ?? '*/*';
  return request.headers.get('x-sveltekit-action') === 'true' || !accept.includes('text/html');
}

/** The answer for a request refused by `findUnstorableInput`. */
export function unstorableInputResponse(request: Request, url: URL, fields: string[], locale: Locale): Response {
  const headers = { 'cache-control': 'no-store' };
  if (url.pathname.startsWith('/api/')) {
    const problem = {
      type: 'about:blank',
      title: 'Ungültige Zeichen in der Anfrage',
      status: 400,
      detail: UNSTORABLE_TEXT_MESSAGE,
      instance: url.pathname,
      errors: fields.map((name) => ({ name, message: UNSTORABLE_TEXT_MESSAGE })),
    };
    return new Response(JSON.stringify(problem), { status: 400, headers: { ...headers, 'content-type': 'application/problem+json; charset=utf-8' } });
  }
  const t = createTranslator(locale);
  if (request.method === 'POST' && wantsActionJson(request)) {
    // What `fail(400, …)` would return to `use:enhance`: the form stays as typed and shows the message.
    const message = t('error.invalidInputText');
    const data = stringify({ message, errors: Object.fromEntries(fields.map((f) => [f, message])) });
    return new Response(JSON.stringify({ type: 'failure', status: 400, data }), { status: 200, headers: { ...headers, 'content-type': 'application/json' } });
  }
  return plainPageResponse({
    status: 400,
    lang: locale,
    dir: dirOf(locale),
    title: t('error.invalidInputTitle'),
    paragraphs: [t('error.invalidInputText'), t('error.invalidInputFields', { fields: fields.join(', ') }), t('error.invalidInputBack')],
    links: [
      [t('error.reloadForm'), url.pathname],
      [t('error.backHome'), '/'],
    ],
  });
}
