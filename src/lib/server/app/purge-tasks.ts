/**
 * Personal data deleted on schedule besides the suggestions' contact data (which the maintenance
 * run purges itself): funding applicants after the funded period, barrier reporters after the
 * retention period. One list for the maintenance timer and `vielfalt maintenance`.
 */
import { purgeExpiredApplicantData } from '../funding/retention';
import { purgeExpiredBarrierContacts } from '../accessibility/barrier-reports';

export const PURGE_TASKS = [purgeExpiredApplicantData, purgeExpiredBarrierContacts] as const;
