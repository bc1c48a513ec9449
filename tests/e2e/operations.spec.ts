import { expect, test } from '@playwright/test';

// What a container runtime or load balancer asks: is the app up and does its database answer?
test('/healthz answers 200 with the database checked, never from a cache', async ({ request }) => {
  for (let i = 0; i < 2; i++) {
    const response = await request.get('/healthz');
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain('application/json');
    expect(response.headers()['cache-control']).toBe('no-store');
    expect(response.headers()['x-vielfalt-cache']).not.toBe('hit');
    const body = (await response.json()) as { status: string; database: string; migrations: number };
    expect(body).toMatchObject({ status: 'ok', database: 'ok' });
    expect(body.migrations).toBeGreaterThan(0);
  }
});
