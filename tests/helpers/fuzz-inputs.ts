/**
 * Shared generators and checks for the forms' property tests (fast-check): arbitrary form
 * values and objects, and what a German validation message looks like. Test support only.
 */
import fc from 'fast-check';

/** Any text a form field could carry: binary junk, NUL and lone surrogates, near the limits. */
export const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.string({ unit: fc.constantFrom('\u0000', '\uD800', '\uDC00', 'a', 'ß', ' ', '😀', '@', '.', '-'), maxLength: 20 }),
  fc.constantFrom('', ' ', '00000000-0000-4000-8000-000000000001', 'a@herne.de', '2024-02-30', '2024-01-01', 'admin', 'redaktion', 'beteiligt', 'on', '1', 'true'),
  fc.uuid(),
  fc.string({ unit: 'grapheme', minLength: 190, maxLength: 320 }),
);

/** Any JSON-like value, for inputs that arrive as objects (API bodies, CLI). */
export const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: anyText, weight: 4 },
  { arbitrary: fc.constantFrom(null, undefined, true, false, 0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 1e21), weight: 2 },
  { arbitrary: fc.array(anyText, { maxLength: 3 }), weight: 1 },
  { arbitrary: fc.jsonValue({ maxDepth: 2 }), weight: 1 },
  { arbitrary: fc.constant({ toString: () => 'x' }), weight: 1 },
);

/** An object with (some of) the given keys, each any value, plus stray keys. */
export function anyObjectWith(keys: readonly string[]): fc.Arbitrary<Record<string, unknown>> {
  return fc.dictionary(fc.oneof({ arbitrary: fc.constantFrom(...keys), weight: 6 }, { arbitrary: fc.string({ maxLength: 6 }), weight: 1 }), anyValue, {
    maxKeys: keys.length + 2,
  });
}

/**
 * Whether a message reads as German: no English Zod default ("Invalid input: expected string,
 * received number", "Too big"), and German words or umlauts.
 */
export function isGermanMessage(message: string): boolean {
  if (/\b(?:Invalid|expected|received|Required|Too (?:big|small)|Unrecognized|must)\b/.test(message)) return false;
  return /[äöüßÄÖÜ„]|\b(?:Bitte|Die|Der|Das|Ein\w*|Höchstens|Mindestens|Ungültig\w*|Unbekannt\w*|erlaubt|nur|muss|darf|Kein\w*|[Nn]icht|Rolle|Zeichen|Zu|erwartet|erforderlich|Anmeldung|Methode|gefunden|Format|Fehler)\b/.test(message);
}
