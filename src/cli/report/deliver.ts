/**
 * Sending the report (docs/report.md "Delivery"). The secrets come from the environment only, never from the
 * command line (a shell history or a CI log keeps command lines):
 *   CANDOR_REPORT_WEBHOOK_URL  an http(s) URL taking Slack-compatible JSON (`{"text": …}`); with --webhook
 *   CANDOR_SMTP_URL            smtp://user:password@host:587 (STARTTLS when offered) or smtps://…:465; with --mail-to
 *   CANDOR_REPORT_FROM         the sender address (default candor-report@localhost)
 * The message is the report's digest (core/report.ts reportDigest) with the link to the dashboard; a mail carries
 * the report file as an attachment. A delivery that fails says which one and why; the report file is kept.
 */
import path from 'path';

import { grafanaMessage, grafanaRequest } from '../grafanaHttp';

export interface Delivery {
  webhook: boolean;
  mailTo: string[];
}

export interface DeliverInput {
  delivery: Delivery;
  env: NodeJS.ProcessEnv;
  subject: string;
  digest: string;
  file: string;
  content: Buffer;
  timeoutMs?: number;
}

/** What the environment lacks for the deliveries asked for: checked before anything is fetched or drawn. */
export function deliveryProblems(delivery: Delivery, env: NodeJS.ProcessEnv): string[] {
  const problems: string[] = [];
  if (delivery.webhook) {
    const url = env.CANDOR_REPORT_WEBHOOK_URL;
    if (!url) {
      problems.push('--webhook: set CANDOR_REPORT_WEBHOOK_URL in the environment');
    } else if (!/^https?:\/\//i.test(url)) {
      problems.push('CANDOR_REPORT_WEBHOOK_URL: only http(s) URLs are sent to');
    }
  }
  if (delivery.mailTo.length > 0) {
    const url = env.CANDOR_SMTP_URL;
    if (!url) {
      problems.push('--mail-to: set CANDOR_SMTP_URL (smtp://user:password@host:587) in the environment');
    } else if (!/^smtps?:\/\//i.test(url)) {
      problems.push('CANDOR_SMTP_URL: expected smtp://… or smtps://…');
    }
    const bad = delivery.mailTo.filter((a) => !/^[^\s@<>]+@[^\s@<>]+$/.test(a));
    if (bad.length) {
      problems.push(`--mail-to: not an address: ${bad.join(', ')}`);
    }
  }
  return problems;
}

async function postWebhook(input: DeliverInput): Promise<void> {
  const url = new URL(input.env.CANDOR_REPORT_WEBHOOK_URL!);
  const res = await grafanaRequest({
    method: 'POST',
    url,
    token: '',
    body: { text: `*${input.subject}*\n${input.digest}` },
    timeoutMs: input.timeoutMs,
  }).catch((e: Error) => {
    // The URL itself is a secret (a Slack webhook's path is its key): only its host is named.
    throw new Error(`${url.host}: ${e.message.replace(/^[A-Z]+ \S+: /, '')}`);
  });
  if (res.status < 200 || res.status > 299) {
    throw new Error(`${url.host} answered HTTP ${res.status}${grafanaMessage(res) ? `: ${grafanaMessage(res)}` : ''}`);
  }
}

async function sendMail(input: DeliverInput): Promise<void> {
  const nodemailer = await import('nodemailer');
  const transport = nodemailer.createTransport({
    url: input.env.CANDOR_SMTP_URL!,
    connectionTimeout: input.timeoutMs ?? 30_000,
    greetingTimeout: input.timeoutMs ?? 30_000,
    socketTimeout: input.timeoutMs ?? 30_000,
  });
  try {
    await transport.sendMail({
      from: input.env.CANDOR_REPORT_FROM || 'candor-report@localhost',
      to: input.delivery.mailTo,
      subject: input.subject,
      text: input.digest,
      attachments: [{ filename: path.basename(input.file), content: input.content }],
    });
  } finally {
    transport.close();
  }
}

/** Sends every delivery asked for; the failures, one line each ("webhook: …", "mail: …"). */
export async function deliver(input: DeliverInput): Promise<string[]> {
  const failures: string[] = [];
  if (input.delivery.webhook) {
    await postWebhook(input).catch((e: Error) => failures.push(`webhook: ${e.message}`));
  }
  if (input.delivery.mailTo.length > 0) {
    await sendMail(input).catch((e: Error) => failures.push(`mail: ${e.message.replace(/\/\/[^@/\s]*@/g, '//***@')}`));
  }
  return failures;
}
