/**
 * `vielfalt` — command line for administrators: migrate, import, create users, back up and restore.
 * Parses arguments and calls the same use cases as the web routes. Commands load their modules
 * lazily, so `--help` and `migrate` stay fast.
 */
import { Command, CommanderError } from 'commander';
import { DatabaseLockedError } from '../lib/server/db';
import { DEFAULT_MUNICIPALITY } from '../lib/server/catalogue/municipality';
import { ImportError } from '../lib/server/importers/types';
import { runMigrations } from '../lib/server/db';
import { CliError, withDatabase } from './context';

function buildProgram(): Command {
  const program = new Command()
    .name('vielfalt')
    .description('Vielfalt – lebendige Maßnahmenkataloge. Datenbank: DATABASE_URL (PostgreSQL) oder DATA_DIR (PGlite, Standard ./data).')
    .exitOverride()
    .showHelpAfterError('(„vielfalt --help“ zeigt alle Befehle)')
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });

  program
    .command('migrate')
    .description('Datenbankschema anlegen bzw. auf den neuesten Stand bringen')
    .action(async () => {
      await withDatabase(async (database) => runMigrations(database));
      process.stdout.write('Datenbank ist auf dem neuesten Stand.\n');
    });

  program
    .command('import')
    .description('Quelldokumente importieren (Integrationskonzept, Diversity-Katalog, Vereinbarungen); die Art wird erkannt')
    .argument('<dateien...>', 'Textdateien, z. B. data/sources/herne/*.txt')
    .option('--dry-run', 'nur lesen und berichten, nichts speichern')
    .option('--format <format>', 'Ausgabe: text oder json', 'text')
    .option('--municipality <slug>', 'Kommune (Mandant)', DEFAULT_MUNICIPALITY.slug)
    .action(async (files: string[], options) => (await import('./import-command')).importCommand(files, options));

  program
    .command('maintenance')
    .description('Abgelaufene Kontaktdaten aus Vorschlägen löschen, wartende E-Mails zustellen')
    .option('--format <format>', 'text oder json', 'text')
    .action(async (options) => (await import('./maintenance-command')).maintenanceCommand(options));

  program
    .command('backup')
    .description('Datensicherung als SQL-Datei schreiben (nur Daten; mit Endung .gz komprimiert)')
    .argument('<datei>', 'Zieldatei, z. B. sicherung.sql oder sicherung.sql.gz')
    .action(async (file: string) => (await import('./backup-command')).backupCommand(file));

  program
    .command('restore')
    .description('Datensicherung in eine leere Datenbank einspielen (Schema wird vorher migriert)')
    .argument('<datei>', 'Sicherungsdatei (.sql oder .sql.gz)')
    .option('--force', 'auch in eine Datenbank mit Daten einspielen: deren Daten werden vorher gelöscht')
    .action(async (file: string, options) => (await import('./backup-command')).restoreCommand(file, options));

  const user = program.command('user').description('Benutzerkonten verwalten');
  user
    .command('create')
    .description('Benutzerkonto anlegen (ohne --password wird das Passwort abgefragt)')
    .requiredOption('--email <email>', 'E-Mail-Adresse (Anmeldename)')
    .option('--password <passwort>', 'Passwort (mindestens 12 Zeichen)')
    .option('--name <name>', 'Anzeigename')
    .option('--role <rolle>', 'admin, redaktion, beitragende oder lesend', 'redaktion')
    .option('--admin', 'als Administrator anlegen (wie --role admin)')
    .option(
      '--actor <akteur>',
      'Akteur (Name oder Kurzname) für Beitragende; mehrfach angeben für mehrere',
      (value: string, previous: string[]) => [...previous, value],
      [] as string[],
    )
    .action(async (options) => (await import('./user-command')).userCreateCommand(options));

  return program;
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end here with code 0; usage errors were already printed.
      return error.exitCode === 0 ? 0 : 2;
    }
    if (error instanceof CliError) {
      process.stderr.write(`Fehler: ${error.message}\n`);
      return error.exitCode;
    }
    if (error instanceof ImportError || error instanceof DatabaseLockedError) {
      process.stderr.write(`Fehler: ${error.message}\n`);
      return 1;
    }
    process.stderr.write(`Unerwarteter Fehler: ${error instanceof Error ? error.message : String(error)}\n`);
    if (process.env.DEBUG) console.error(error);
    return 1;
  }
}
