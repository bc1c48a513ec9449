/**
 * Machine translation behind one interface (issue 14). Configured from the environment:
 * LIBRETRANSLATE_URL (+ LIBRETRANSLATE_API_KEY) for a self-hosted LibreTranslate, or
 * DEEPL_API_KEY (DEEPL_API_URL to point elsewhere). No provider is configured by default;
 * tests use a local fake server. Results are stored as "maschinell" (machine-translate.ts).
 */

export interface MachineTranslator {
  /** Shown to editors: "LibreTranslate (https://…)", "DeepL". */
  readonly name: string;
  /** Translates German texts into `target`, one result per text, in order. */
  translate(texts: string[], target: string): Promise<string[]>;
}

export class MachineTranslationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MachineTranslationError';
  }
}

type Fetch = typeof fetch;

async function postJson(fetchImpl: Fetch, url: string, body: unknown, headers: Record<string, string> = {}): Promise<unknown> {
  let response: Response;
  try {
    response = await fetchImpl(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(30_000),
    });
  } catch (error) {
    throw new MachineTranslationError(`nicht erreichbar (${(error as Error).message})`);
  }
  if (!response.ok) throw new MachineTranslationError(`HTTP ${response.status}`);
  try {
    return await response.json();
  } catch {
    throw new MachineTranslationError('keine JSON-Antwort');
  }
}

function expectStrings(value: unknown, count: number): string[] {
  if (!Array.isArray(value) || value.length !== count || !value.every((v) => typeof v === 'string'))
    throw new MachineTranslationError('unerwartete Antwort');
  return value as string[];
}

export function libreTranslate(baseUrl: string, apiKey: string | null = null, fetchImpl: Fetch = fetch): MachineTranslator {
  const url = new URL('translate', baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`).toString();
  return {
    name: `LibreTranslate (${new URL(baseUrl).host})`,
    async translate(texts, target) {
      if (!texts.length) return [];
      const body = await postJson(fetchImpl, url, { q: texts, source: 'de', target, format: 'text', ...(apiKey ? { api_key: apiKey } : {}) });
      return expectStrings((body as { translatedText?: unknown }).translatedText, texts.length);
    },
  };
}

/** DeepL's target codes for our languages (null: DeepL does not offer it). */
const DEEPL_TARGETS: Record<string, string | null> = { en: 'EN-GB', ar: 'AR', fa: null, tr: 'TR', ru: 'RU', uk: 'UK', ro: 'RO', bg: 'BG', fr: 'FR' };

export function deepl(apiKey: string, baseUrl: string | null = null, fetchImpl: Fetch = fetch): MachineTranslator {
  const base = baseUrl ?? (apiKey.endsWith(':fx') ? 'https://api-free.deepl.com' : 'https://api.deepl.com');
  return {
    name: 'DeepL',
    async translate(texts, target) {
      if (!texts.length) return [];
      const code = DEEPL_TARGETS[target];
      if (!code) throw new MachineTranslationError(`DeepL übersetzt nicht in „${target}“`);
      const body = await postJson(fetchImpl, `${base.replace(/\/$/, '')}/v2/translate`, { text: texts, source_lang: 'DE', target_lang: code }, { authorization: `DeepL-Auth-Key ${apiKey}` });
      const list = (body as { translations?: unknown }).translations;
      return expectStrings(Array.isArray(list) ? list.map((t) => (t as { text?: unknown })?.text) : null, texts.length);
    },
  };
}

/** The configured provider, or null. */
export function machineTranslatorFromEnv(env: Record<string, string | undefined> = process.env, fetchImpl: Fetch = fetch): MachineTranslator | null {
  if (env.LIBRETRANSLATE_URL) return libreTranslate(env.LIBRETRANSLATE_URL, env.LIBRETRANSLATE_API_KEY ?? null, fetchImpl);
  if (env.DEEPL_API_KEY) return deepl(env.DEEPL_API_KEY, env.DEEPL_API_URL ?? null, fetchImpl);
  return null;
}
