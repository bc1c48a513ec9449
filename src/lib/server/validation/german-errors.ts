/**
 * Zod's German messages for the issues a schema names no message for — a wrong type or a
 * missing field in an API body or a CLI input ("expected string, received number"), which
 * forms never send. Schema messages still win; this only replaces Zod's English defaults.
 * Imported for its effect by the modules every input schema uses (fields.ts, storable.ts).
 */
import { z } from 'zod';

z.config(z.locales.de());
