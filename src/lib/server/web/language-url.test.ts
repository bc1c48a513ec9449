import { describe, expect, it } from 'vitest';
import { decidePublicLanguage, isPublicPagePath, languageHref, localizeLinks } from './language-url';

const u = (path: string) => new URL(`http://localhost${path}`);

describe('language in the URL of public pages', () => {
  it('public pages, not the back office or files', () => {
    expect(isPublicPagePath('/kataloge/x/massnahme/y')).toBe(true);
    expect(isPublicPagePath('/')).toBe(true);
    expect(isPublicPagePath('/admin/uebersetzungen')).toBe(false);
    expect(isPublicPagePath('/api/v1/measures')).toBe(false);
    expect(isPublicPagePath('/kataloge/x/export.csv')).toBe(false);
    expect(isPublicPagePath('/feed.atom')).toBe(false);
  });

  it('?lang renders, ?lang=de and unknown languages go to the canonical German URL, /ar/… redirects', () => {
    expect(decidePublicLanguage(u('/suche?q=x&lang=ar'), undefined)).toEqual({ kind: 'render', locale: 'ar', remember: true });
    expect(decidePublicLanguage(u('/suche?q=x&lang=ar'), 'ar')).toEqual({ kind: 'render', locale: 'ar', remember: false });
    expect(decidePublicLanguage(u('/suche?lang=de&q=x'), 'ar')).toEqual({ kind: 'redirect', location: '/suche?q=x', status: 303, remember: 'de' });
    expect(decidePublicLanguage(u('/suche?lang=xx'), undefined)).toMatchObject({ kind: 'redirect', location: '/suche', status: 301 });
    expect(decidePublicLanguage(u('/ar/kataloge/k?x=1'), undefined)).toEqual({ kind: 'redirect', location: '/kataloge/k?x=1&lang=ar', status: 308, remember: null });
    expect(decidePublicLanguage(u('/en'), undefined)).toMatchObject({ location: '/?lang=en' });
  });

  it('a remembered language redirects to its URL; German without cookie renders', () => {
    expect(decidePublicLanguage(u('/akteure'), 'tr')).toEqual({ kind: 'redirect', location: '/akteure?lang=tr', status: 303, remember: null });
    expect(decidePublicLanguage(u('/akteure'), 'de')).toEqual({ kind: 'render', locale: 'de', remember: false });
    expect(decidePublicLanguage(u('/akteure'), undefined)).toEqual({ kind: 'render', locale: 'de', remember: false });
  });

  it('languageHref keeps other parameters', () => {
    expect(languageHref(u('/suche?q=Kita&lang=ar'), 'en')).toBe('/suche?q=Kita&lang=en');
    expect(languageHref(u('/suche?q=Kita&lang=ar'), 'de')).toBe('/suche?q=Kita');
  });

  it('localizeLinks adds the language to public links and forms only', () => {
    const html =
      '<a href="/kataloge/k">K</a><a href="/suche?q=a&amp;b=c#r">S</a><form action="/suche"></form>' +
      '<a href="/admin">A</a><a href="/kataloge/k/export.csv">C</a><a href="/akteure?lang=en" hreflang="en">E</a><a href="#main">M</a><a href="//cdn.example/x">X</a>';
    expect(localizeLinks(html, 'ar')).toBe(
      '<a href="/kataloge/k?lang=ar">K</a><a href="/suche?q=a&amp;b=c&amp;lang=ar#r">S</a><form action="/suche?lang=ar"></form>' +
        '<a href="/admin">A</a><a href="/kataloge/k/export.csv">C</a><a href="/akteure?lang=en" hreflang="en">E</a><a href="#main">M</a><a href="//cdn.example/x">X</a>',
    );
    expect(localizeLinks(html, 'de')).toBe(html);
  });
});
