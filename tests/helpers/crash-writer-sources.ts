/** The documents the crash writer imports (its own module: importing crash-writer.ts would start it). */
export const CRASH_SOURCES = ['000_3e59e29afaedd339.txt', '004_7af2113a3dd62404.txt', '001_f19880d6793d593d.txt', '003_bbd5bb4a4c8190b2.txt'];
