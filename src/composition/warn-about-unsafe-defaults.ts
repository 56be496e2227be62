import type { Config } from '../infrastructure/config/config.js';
import type { Logger } from '../infrastructure/logging/create-logger.js';

/** APP_BASE_URL on this machine: mailed links that open nowhere but on the server itself. */
function isLoopback(url: string): boolean {
  const { hostname } = new URL(url);
  return hostname === 'localhost' || hostname === '[::1]' || hostname.startsWith('127.');
}

/**
 * In production, one warn line at start for each development default still in force, naming
 * its variable first: the defaults make a service that starts and answers, yet mails nothing,
 * mails links to 127.0.0.1 and shows /metrics to anyone.
 */
export function warnAboutUnsafeDefaults(config: Config, logger: Logger): void {
  if (!config.production) return;
  if (!config.mail.smtpUrl) {
    logger.warn({ variable: 'SMTP_URL' }, `SMTP_URL is not set: no mail is sent; each one is written as a .eml file under ${config.mail.outboxDirectory}`);
  }
  if (isLoopback(config.appBaseUrl)) {
    logger.warn({ variable: 'APP_BASE_URL' }, `APP_BASE_URL is ${config.appBaseUrl}: the links in mails (password reset, e-mail verification) point at this machine, not at your site`);
  }
  if (config.metricsToken === null) {
    logger.warn({ variable: 'METRICS_TOKEN' }, 'METRICS_TOKEN is not set: GET /metrics answers anyone who can reach the service');
  }
}
