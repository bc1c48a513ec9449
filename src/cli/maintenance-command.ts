/**
 * `vielfalt maintenance`: deletes expired contact data of suggestions, queues review reminders
 * (when their daily run is due) and delivers queued
 * e-mails (when SMTP_URL and MAIL_FROM are set). Meant for a daily cron job or systemd timer
 * when the web server is not running all the time; the server does the same on its own.
 */
import { runMaintenance } from '../lib/server/suggestions/maintenance';
import { PURGE_TASKS } from '../lib/server/app/purge-tasks';
import { withDatabase } from './context';

export interface MaintenanceOptions {
  format?: string;
}

export async function maintenanceCommand(options: MaintenanceOptions = {}): Promise<void> {
  const report = await withDatabase((database) => runMaintenance(database.db, { purgeTasks: PURGE_TASKS }), { quiet: options.format === 'json' });
  if (options.format === 'json') {
    process.stdout.write(`${JSON.stringify(report)}\n`);
    return;
  }
  const lines = [`Kontaktdaten gelöscht: ${report.purgedContacts} ${report.purgedContacts === 1 ? 'Vorschlag' : 'Vorschläge'}`];
  if (report.reminders) lines.push(`Prüf-Erinnerungen: ${report.reminders.people} ${report.reminders.people === 1 ? 'Person' : 'Personen'}, ${report.reminders.reminders} ${report.reminders.reminders === 1 ? 'Maßnahme' : 'Maßnahmen'}`);
  if (report.mail.configured) {
    lines.push(`E-Mails gesendet: ${report.mail.sent}, fehlgeschlagen: ${report.mail.failed}, wartend: ${report.mail.pending}`);
  } else {
    lines.push(`E-Mails wartend: ${report.mail.pending} (kein SMTP konfiguriert: SMTP_URL und MAIL_FROM setzen)`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}
