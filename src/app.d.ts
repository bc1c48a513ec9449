// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
  namespace App {
    interface Error {
      message: string;
      errorId?: string;
    }
    interface Locals {
      locale: import('$lib/i18n').Locale;
      /** The signed-in user (set by hooks.server.ts from the session cookie), or null. */
      user: import('$lib/server/auth/policy').SessionUser | null;
      /** The session id (hash) of the signed-in user, or null. */
      sessionId: string | null;
      /** Slug of the municipality (tenant) the request is for (set by hooks.server.ts). */
      municipality: string;
      /** Set by handleError when the database could not be reached: the answer becomes a 503. */
      databaseUnavailable?: boolean;
    }
  }
}

export {};
