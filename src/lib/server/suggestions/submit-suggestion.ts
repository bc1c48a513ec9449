/**
 * "Maßnahme vorschlagen": a suggestion from the public, without an account. Spam protection
 * without third parties: a honeypot field, a signed timestamp (not faster than a few seconds,
 * not older than a day) and a rate limit per client. The submitter's contact data never goes
 * into notifications or logs.
 */
import crypto from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../db/connection';
import { catalogues, suggestions } from '../db/schema';
import { hitRateLimit, type RateLimitRule } from '../auth/rate-limit';
import { ensureMunicipality } from '../catalogue/municipality';
import { notify } from '../notifications/notify';
import { log } from '../log/log';
import { checkFormToken, issueFormToken } from './form-token';
import { getFormSecret, getRetentionDays } from './settings';
import { suggestionFieldErrors, suggestionInput, type SuggestionSubmission } from './suggestion-input';
import { inTransaction } from '../db/transaction';

export const SUGGESTION_RATE_LIMIT: RateLimitRule = { limit: 5, windowSeconds: 60 * 60 };

const DAY_MS = 24 * 60 * 60 * 1000;

export type SubmitResult =
  | { status: 'created'; id: string }
  /** Honeypot filled: dropped silently (the bot is told it worked). */
  | { status: 'ignored' }
  | { status: 'invalid'; errors: Record<string, string> }
  | { status: 'refused'; reason: 'tooFast' | 'expired' | 'invalid' | 'rateLimited'; message: string; retryAfter?: number };

export interface SubmitContext {
  /** The client's address (rate limit); stored only as a keyed hash. */
  clientAddress: string;
  now?: Date;
  /** Municipality (tenant) slug. */
  municipality: string;
}

const TOKEN_MESSAGES = {
  tooFast:
    'Das ging sehr schnell – zum Schutz vor automatisierten Einsendungen haben wir den Vorschlag nicht angenommen. Bitte prüfen Sie Ihre Angaben und senden Sie das Formular in ein paar Sekunden noch einmal.',
  expired:
    'Das Formular war zu lange geöffnet (länger als einen Tag). Ihre Angaben sind erhalten geblieben: Bitte senden Sie das Formular noch einmal.',
  invalid:
    'Das Formular konnte nicht zugeordnet werden. Ihre Angaben sind erhalten geblieben: Bitte senden Sie das Formular noch einmal.',
} as const;

export function rateLimitMessage(retryAfterSeconds: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return `Von Ihrem Anschluss kamen in der letzten Zeit viele Vorschläge. Bitte versuchen Sie es in ${minutes} ${
    minutes === 1 ? 'Minute' : 'Minuten'
  } noch einmal – Ihre Angaben sind erhalten geblieben.`;
}

/** A fresh signed timestamp for the form's hidden field. */
export async function newSuggestionFormToken(db: Db, now: Date = new Date()): Promise<string> {
  return issueFormToken(await getFormSecret(db), now);
}

/** Catalogues offered in the form's select. */
export async function listSuggestableCatalogues(db: Db, municipality: string) {
  const municipalityId = await ensureMunicipality(db, municipality);
  return db
    .select({ id: catalogues.id, slug: catalogues.slug, title: catalogues.title })
    .from(catalogues)
    .where(eq(catalogues.municipalityId, municipalityId))
    .orderBy(asc(catalogues.position), asc(catalogues.title));
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}

export async function submitSuggestion(db: Db, submission: SuggestionSubmission, ctx: SubmitContext): Promise<SubmitResult> {
  const now = ctx.now ?? new Date();
  if (submission.honeypot.trim() !== '') {
    log.info('suggestion.refused', { reason: 'honeypot' });
    return { status: 'ignored' };
  }
  const secret = await getFormSecret(db);
  const tokenCheck = checkFormToken(secret, submission.token, now);
  if (tokenCheck !== 'ok') {
    log.info('suggestion.refused', { reason: tokenCheck });
    return { status: 'refused', reason: tokenCheck, message: TOKEN_MESSAGES[tokenCheck] };
  }

  const parsed = suggestionInput.safeParse(submission.values);
  if (!parsed.success) return { status: 'invalid', errors: suggestionFieldErrors(parsed.error) };
  const input = parsed.data;

  const municipalityId = await ensureMunicipality(db, ctx.municipality);
  if (input.catalogueId) {
    const [catalogue] = await db
      .select({ id: catalogues.id })
      .from(catalogues)
      .where(and(eq(catalogues.id, input.catalogueId), eq(catalogues.municipalityId, municipalityId)));
    if (!catalogue) return { status: 'invalid', errors: { catalogueId: 'Bitte wählen Sie einen Katalog aus der Liste.' } };
  }

  // Only complete, valid submissions count: correcting a typo never locks anyone out.
  const clientKey = crypto.createHmac('sha256', secret).update(ctx.clientAddress).digest('base64url').slice(0, 22);
  const limit = await hitRateLimit(db, `suggest:client:${clientKey}`, SUGGESTION_RATE_LIMIT, now);
  if (!limit.allowed) {
    log.info('suggestion.refused', { reason: 'rateLimited' });
    return { status: 'refused', reason: 'rateLimited', message: rateLimitMessage(limit.retryAfter), retryAfter: limit.retryAfter };
  }

  const hasContact = Boolean(input.contactName || input.contactEmail);
  const retentionDays = hasContact ? await getRetentionDays(db) : 0;
  const id = await inTransaction(db, async (tx) => {
    const [row] = await tx
      .insert(suggestions)
      .values({
        municipalityId,
        catalogueId: input.catalogueId,
        title: input.title,
        description: input.description,
        responsibleText: input.responsibleText,
        targetGroupText: input.targetGroupText,
        contactName: hasContact ? input.contactName : null,
        contactEmail: hasContact ? input.contactEmail : null,
        consentAt: hasContact ? now : null,
        purgeAfter: hasContact ? new Date(now.getTime() + retentionDays * DAY_MS) : null,
        createdAt: now,
      })
      .returning({ id: suggestions.id });
    // Title and link only: never the submitter's name or address.
    await notify(tx, {
      roles: ['redaktion', 'admin'],
      kind: 'suggestion.new',
      title: 'Neuer Maßnahmenvorschlag',
      body: `Aus der Öffentlichkeit wurde eine Maßnahme vorgeschlagen: „${truncate(input.title, 120)}“. Bitte prüfen Sie den Vorschlag in der Moderation.`,
      link: `/admin/vorschlaege/${row!.id}`,
    });
    return row!.id;
  });
  log.info('suggestion.received', { id });
  return { status: 'created', id };
}
