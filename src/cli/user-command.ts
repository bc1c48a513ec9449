import readline from 'node:readline';
import { Writable } from 'node:stream';
import { createUser, resolveActors, UserInputError } from '../lib/server/auth/users';
import { ROLES, type Role } from '../lib/server/db/schema';
import { CliError, withDatabase } from './context';

export interface UserCreateOptions {
  email: string;
  password?: string;
  name?: string;
  role?: string;
  admin?: boolean;
  /** Actor names or slugs (contributors). */
  actor?: string[];
}

/** Reads a password from the terminal without echoing it. */
async function promptPassword(question: string): Promise<string> {
  if (!process.stdin.isTTY) {
    // Piped input: the first line is the password.
    const rl = readline.createInterface({ input: process.stdin });
    for await (const line of rl) {
      rl.close();
      return line;
    }
    return '';
  }
  let muted = false;
  const output = new Writable({
    write(chunk, _enc, cb) {
      if (!muted) process.stderr.write(chunk);
      cb();
    },
  });
  const rl = readline.createInterface({ input: process.stdin, output, terminal: true });
  return new Promise((resolve) => {
    rl.question(question, (answer) => {
      rl.close();
      process.stderr.write('\n');
      resolve(answer);
    });
    muted = true;
  });
}

export async function userCreateCommand(options: UserCreateOptions): Promise<void> {
  const role = (options.admin ? 'admin' : (options.role ?? 'redaktion')) as Role;
  if (!ROLES.includes(role)) throw new CliError(`Unbekannte Rolle „${options.role}“: erlaubt sind ${ROLES.join(', ')}.`, 2);
  const actorNames = options.actor ?? [];
  if (actorNames.length && role !== 'beitragende') {
    throw new CliError('--actor gilt nur für Beitragende (--role beitragende).', 2);
  }
  if (role === 'beitragende' && !actorNames.length) {
    throw new CliError('Beitragende brauchen mindestens einen Akteur: --actor <Name oder Kurzname>.', 2);
  }
  const password = options.password ?? (await promptPassword('Passwort: '));
  try {
    const user = await withDatabase(async (database) => {
      const { ids, unknown } = await resolveActors(database.db, actorNames);
      if (unknown.length) throw new CliError(`Unbekannter Akteur: ${unknown.map((a) => `„${a}“`).join(', ')}.`, 1);
      return createUser(database.db, { email: options.email, name: options.name, role, password, actorIds: ids }, { label: 'CLI' });
    });
    const scope = actorNames.length ? `, Akteure: ${actorNames.join(', ')}` : '';
    process.stdout.write(`Konto angelegt: ${user.email} (Rolle: ${user.role}${scope})\n`);
  } catch (error) {
    if (error instanceof UserInputError) throw new CliError(error.message, 1);
    throw error;
  }
}
