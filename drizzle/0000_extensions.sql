-- Search-ready from day one, on PGlite and PostgreSQL alike: trigram similarity for typos,
-- unaccent for umlaut and ß folding. Both are trusted extensions on PostgreSQL >= 13.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS unaccent;
