/** Account lockout: this many failed attempts in a row (password or second factor) lock the account for LOCKOUT_MINUTES. */
export const LOCKOUT_THRESHOLD = 5;
export const LOCKOUT_MINUTES = 15;
