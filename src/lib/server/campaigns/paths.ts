/** Where the call for updates lives in the back office (links in e-mails and notifications). */
export const CAMPAIGNS_PATH = '/admin/abfragen';

export function campaignPath(campaignId: string): string {
  return `${CAMPAIGNS_PATH}/${campaignId}`;
}

/** The personal link of a request: the answer page (survives the login redirect). */
export function requestPath(campaignId: string, requestId: string): string {
  return `${CAMPAIGNS_PATH}/${campaignId}/${requestId}`;
}

/** Answers waiting for Redaktion are listed in the review queue. */
export const OPEN_ANSWERS_PATH = '/admin/pruefung#abfragen';
