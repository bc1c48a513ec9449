/**
 * Words people search for that the documents write differently (pure). Each entry maps a typed
 * word to phrases searched as alternatives; the phrases' words are resolved in the same lexicon
 * look-up as the query's own words (no extra round trip) and match only as whole words.
 *
 * Kept deliberately small and evidence-based: every phrase occurs in Herne's documents.
 */
const SYNONYMS: { match: RegExp; phrases: string[][]; gaps?: true }[] = [
  // A language course is what the documents call Sprachkurs, Deutschkurs or Integrationskurs
  // (the BAMF course of German and orientation), in singular and plural.
  {
    match: /^(sprach|deutsch)kurs(e|en|es)?$/,
    phrases: [['sprachkurs'], ['sprachkurse'], ['deutschkurs'], ['deutschkurse'], ['integrationskurs'], ['integrationskurse']],
  },
  // A gap (Lücke) is recorded as "Es wurde keine explizite Maßnahme formuliert" (once as "Eine
  // Maßnahme wurde nicht formuliert, da es sich … um eine Daueraufgabe handelt").
  // Searching for it means the gaps themselves, which results leave out unless asked for.
  { match: /^(lücke|lücken|luecke|luecken)$/, phrases: [['explizite', 'maßnahme', 'formuliert'], ['maßnahme', 'formuliert', 'daueraufgabe']], gaps: true },
];

/** The phrases a query word also stands for (none for most words). */
export function synonymPhrases(word: string): string[][] {
  return SYNONYMS.find((s) => s.match.test(word))?.phrases ?? [];
}

/** The words of those phrases, to be resolved with the query's words. */
export function synonymWords(words: readonly string[]): string[] {
  return [...new Set(words.flatMap((w) => synonymPhrases(w).flat()))];
}

/** Whether a query word asks for the gaps ("Lücke"), so they are included in the results. */
export function asksForGaps(words: readonly string[]): boolean {
  return words.some((w) => SYNONYMS.some((s) => s.gaps && s.match.test(w)));
}
