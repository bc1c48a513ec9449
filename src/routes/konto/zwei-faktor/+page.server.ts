/**
 * /konto/zwei-faktor: set up, renew and (where not required) switch off the second factor of
 * one's own account. Roles that require it are sent here by the hooks until it is set up.
 */
import { fail } from '@sveltejs/kit';
import QRCode from 'qrcode';
import { getDb, requireUser } from '$lib/server/web/kit';
import {
  beginEnrolment,
  confirmEnrolment,
  disableSecondFactor,
  pendingEnrolment,
  renewRecoveryCodes,
  SecondFactorError,
  secondFactorStatus,
} from '$lib/server/auth/second-factor';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

async function enrolmentView(uri: string, secret: string) {
  // A PNG data URL: no request leaves the page (img-src allows data:).
  return { secret: secret.replace(/(.{4})/g, '$1 ').trim(), qr: await QRCode.toDataURL(uri, { margin: 1, width: 220 }) };
}

export const load: PageServerLoad = async (event) => {
  const user = requireUser(event);
  event.setHeaders({ 'cache-control': 'private, no-store' });
  const db = await getDb();
  const status = await secondFactorStatus(db, user);
  const pending = status.enabled ? null : await pendingEnrolment(db, user);
  return {
    status,
    required: event.url.searchParams.has('pflicht') && status.required && !status.enabled,
    pending: pending ? await enrolmentView(pending.uri, pending.secret) : null,
  };
};

async function guarded<T>(run: () => Promise<T>): Promise<T | ReturnType<typeof fail<{ error: string }>>> {
  try {
    return await run();
  } catch (e) {
    if (e instanceof SecondFactorError) return fail(400, { error: e.message });
    throw e;
  }
}

const codeOf = async (event: RequestEvent) => String((await event.request.formData()).get('code') ?? '').trim().slice(0, 64);

export const actions: Actions = {
  start: async (event) => {
    const user = requireUser(event);
    return guarded(async () => {
      await beginEnrolment(await getDb(), user);
      return { started: true };
    });
  },
  confirm: async (event) => {
    const user = requireUser(event);
    const code = await codeOf(event);
    return guarded(async () => ({ codes: await confirmEnrolment(await getDb(), user, code) }));
  },
  renew: async (event) => {
    const user = requireUser(event);
    const code = await codeOf(event);
    return guarded(async () => ({ codes: await renewRecoveryCodes(await getDb(), user, code) }));
  },
  disable: async (event) => {
    const user = requireUser(event);
    const code = await codeOf(event);
    return guarded(async () => {
      await disableSecondFactor(await getDb(), user, code);
      return { disabled: true };
    });
  },
};
