/**
 * Events, offers and networks from the annual review 002 (imported on first start with Herne's
 * catalogues), with and without JavaScript: find an event of 2023 by date and target group, open
 * it, follow its organiser to the actor page; download the iCalendar feed of the selection and
 * parse it with ical.js; offers by target group and district; a network's history.
 */
import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import ICAL from 'ical.js';
import { loginAs } from './helpers/users';

async function expectNoAxeViolations(page: Page) {
  // axe runs as a script in the page: it checks the mit-js project (the server-rendered markup is the same).
  if (test.info().project.use.javaScriptEnabled === false) return;
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test('find an event of 2023 by date and target group, open it and follow its organiser', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Veranstaltungen' }).click();
  await expect(page).toHaveURL(/\/veranstaltungen$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Veranstaltungen' })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByLabel('Vergangene').check();
  await page.getByLabel('Jahr').selectOption('2023');
  await page.getByLabel('Zielgruppe').selectOption({ label: 'Frauen' });
  await page.getByRole('button', { name: 'Anzeigen' }).click();
  await expect(page).toHaveURL(/zeit=vergangen/);
  await expect(page).toHaveURL(/jahr=2023/);
  await expect(page).toHaveURL(/zielgruppe=frauen/);

  const item = page.locator('li', { has: page.getByRole('link', { name: 'Bleib cool – Überlebenstraining für starke Frauen' }) });
  await expect(item.locator('time[datetime="2023-03-22"]')).toHaveText('22. März 2023');
  // Only events of that target group: the KIM Fachtag (no target group "Frauen") is not listed.
  await expect(page.getByRole('link', { name: 'Kommunales Integrationsmanagement eingeführt' })).toHaveCount(0);
  await expectNoAxeViolations(page);

  await item.getByRole('link').click();
  await expect(page).toHaveURL(/\/veranstaltungen\/2023-03-22-/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Bleib cool');
  const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').first().textContent())!);
  expect(jsonLd).toMatchObject({ '@type': 'Event', startDate: '2023-03-22', name: 'Bleib cool – Überlebenstraining für starke Frauen' });
  expect(jsonLd.organizer[0].name).toBe('Kommunales Integrationszentrum');
  await expectNoAxeViolations(page);

  await page.locator('dt', { hasText: 'Veranstaltet von' }).locator('+ dd').getByRole('link', { name: 'Kommunales Integrationszentrum' }).click();
  await expect(page).toHaveURL(/\/akteure\//);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Kommunales Integrationszentrum');
});

test('the iCalendar feed of a selection downloads and parses with ical.js', async ({ page }) => {
  await page.goto('/veranstaltungen?jahr=2023&zielgruppe=frauen');
  const link = page.getByRole('link', { name: /als Kalender abonnieren/ });
  await expect(link).toHaveAttribute('href', '/veranstaltungen/kalender.ics?jahr=2023&zielgruppe=frauen');
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  const text = fs.readFileSync((await download.path())!, 'utf8');
  const calendar = new ICAL.Component(ICAL.parse(text));
  const vevents = calendar.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
  const byTitle = new Map(vevents.map((e) => [e.summary, e]));
  expect(byTitle.get('Bleib cool – Überlebenstraining für starke Frauen')!.startDate.toString()).toBe('2023-03-22');
  const infoTag = byTitle.get('Info-Tag für multikulturelle Frauen')!;
  expect(infoTag.startDate.toString()).toBe('2023-03-16T10:00:00');
  expect(infoTag.location).toContain('Westring 303');
  for (const e of vevents) expect(e.startDate.year).toBe(2023);
  expect(new URL(byTitle.get('Frauen stärken Frauen')!.component.getFirstPropertyValue('url') as string).pathname).toMatch(/^\/veranstaltungen\/2023-03-08-/);
});

test('offers by target group and district, a network with its history, the generated annual review', async ({ page }) => {
  await page.goto('/angebote');
  await page.getByLabel('Zielgruppe').selectOption({ label: 'Kinder von 1–3 Jahren' });
  await page.getByLabel('Stadtteil').selectOption('Wanne');
  await page.getByRole('button', { name: 'Anzeigen' }).click();
  await expect(page.getByRole('heading', { level: 3, name: 'Eltern-Kind-Gruppen (ehemals Mutter-Kind-Gruppen)' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: 'CaféO' })).toHaveCount(0);
  await expectNoAxeViolations(page);

  await page.goto('/netzwerke');
  await page.getByRole('link', { name: 'AK Vielfalt – Bildung und Erziehung in der KiTa' }).click();
  const history = page.getByRole('region', { name: 'Geschichte' });
  await expect(history).toContainText('seit Nov. 2023');
  await history.getByRole('link', { name: 'Projektgruppe Interkulturelle Erziehung in der KiTa' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('umbenannt');
  await expect(page.getByRole('region', { name: 'Geschichte' }).getByRole('link', { name: /AK Vielfalt/ })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.goto('/jahresrueckblick/2023');
  await expect(page.getByRole('heading', { level: 1, name: 'Jahresrückblick 2023' })).toBeVisible();
  for (const heading of ['Öffentliche Veranstaltungen', 'Fachtage, Workshops, Qualifizierungen', 'Laufende KI-Angebote', 'Integrationsrat'])
    await expect(page.getByRole('heading', { level: 2, name: heading })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Herkules-Fest' })).toBeVisible();
  await expectNoAxeViolations(page);
});

test('the search finds events, offers and networks, with the facet "Art"', async ({ page }) => {
  await page.goto('/suche?q=Vielfalt+KiTa');
  const more = page.getByRole('region', { name: /Angebote, Veranstaltungen und Netzwerke/ });
  await expect(more.getByRole('link', { name: 'AK Vielfalt – Bildung und Erziehung in der KiTa' })).toBeVisible();
  await page.getByLabel(/^Netzwerk \(\d+\)$/).check();
  await page.getByRole('button', { name: 'Filter anwenden' }).click();
  await expect(page).toHaveURL(/art=netzwerk/);
  await expect(more.getByText('Angebot:')).toHaveCount(0);
  await expect(page.locator('.search-result-list')).toHaveCount(0);
  await more.getByRole('link', { name: 'AK Vielfalt – Bildung und Erziehung in der KiTa' }).click();
  await expect(page).toHaveURL(/\/netzwerke\//);
  await expectNoAxeViolations(page);
});

test('an editor writes the introduction of the generated annual review', async ({ page }) => {
  await loginAs(page, 'redaktion');
  await page.goto('/admin/jahresrueckblick?jahr=2023');
  const text = `Einleitung aus dem Test ${test.info().project.name}.`;
  await page.getByLabel('Einleitung 2023').fill(text);
  await page.getByRole('button', { name: 'Einleitung speichern' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Die Einleitung wurde gespeichert.' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.goto('/jahresrueckblick/2023');
  await expect(page.getByRole('region', { name: 'Einleitung' })).toContainText(text);
});

