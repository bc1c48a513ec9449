import { expect, type APIRequestContext } from '@playwright/test';

/** The e-mails queued for one address (test route: the outbox, newest first). */
export async function outbox(request: APIRequestContext, email: string): Promise<{ subject: string; body: string }[]> {
  const response = await request.get(`/test-setup?outbox=${encodeURIComponent(email)}`);
  expect(response.status()).toBe(200);
  return (await response.json()).mails;
}
