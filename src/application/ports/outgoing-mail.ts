/** A mail as the service sends it: plain text plus simple HTML, no tracking, no remote images. */
export interface OutgoingMail {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}
