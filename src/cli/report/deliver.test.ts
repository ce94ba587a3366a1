/**
 * @jest-environment node
 *
 * Delivery against real servers on 127.0.0.1: an HTTP server as the webhook, `smtp-server` as the mail server.
 * The secrets come from the environment; a failure names the delivery and never the secret.
 */
import http from 'http';
import { SMTPServer } from 'smtp-server';

import { deliver, deliveryProblems, type DeliverInput } from './deliver';

const createInput = (overrides: Partial<DeliverInput> = {}): DeliverInput => ({
  delivery: { webhook: false, mailTo: [] },
  env: {},
  subject: 'Executive scorecard: weekly review, Red 59/100',
  digest: 'Red · 59/100 · Executive scorecard\nv1 sha256:aaaaaaaaaaaa · https://grafana.example/d/candor-exec',
  file: '/tmp/weekly.pdf',
  content: Buffer.from('%PDF-1.4 test'),
  timeoutMs: 5000,
  ...overrides,
});

async function listen(server: http.Server | SMTPServer): Promise<number> {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return ((server as http.Server).address?.() ?? (server as any).server.address()).port as number;
}

// The unit tests run in jsdom (jest.config.js), which has no setImmediate; nodemailer and smtp-server need node's.
Object.assign(globalThis, { setImmediate, clearImmediate });

/** SMTPServer.close() needs node's timers (jsdom's have no unref): its net server is closed directly. */
const closeSmtp = (smtp: SMTPServer) =>
  new Promise<void>((r) => (smtp as unknown as { server: http.Server }).server.close(() => r()));

describe('what the environment must hold for a delivery', () => {
  it.each([
    [{ webhook: true, mailTo: [] }, {}, ['--webhook: set CANDOR_REPORT_WEBHOOK_URL in the environment']],
    [
      { webhook: true, mailTo: [] },
      { CANDOR_REPORT_WEBHOOK_URL: 'file:///etc/passwd' },
      ['CANDOR_REPORT_WEBHOOK_URL: only http(s) URLs are sent to'],
    ],
    [
      { webhook: false, mailTo: ['cfo@example.com'] },
      {},
      ['--mail-to: set CANDOR_SMTP_URL (smtp://user:password@host:587) in the environment'],
    ],
    [
      { webhook: false, mailTo: ['not an address'] },
      { CANDOR_SMTP_URL: 'smtp://h:25' },
      ['--mail-to: not an address: not an address'],
    ],
    [
      { webhook: true, mailTo: ['cfo@example.com'] },
      { CANDOR_REPORT_WEBHOOK_URL: 'https://hooks.example/x', CANDOR_SMTP_URL: 'smtp://h:25' },
      [],
    ],
  ])('%j with %j', (delivery, env, problems) => {
    expect(deliveryProblems(delivery, env)).toEqual(problems);
  });
});

describe('sending the report', () => {
  it('posts Slack-compatible JSON with the digest and the link, and no Authorization header', async () => {
    const received: Array<{ body: any; auth?: string; path?: string }> = [];
    const server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        received.push({
          body: JSON.parse(Buffer.concat(chunks).toString()),
          auth: req.headers.authorization,
          path: req.url,
        });
        res.writeHead(200).end('ok');
      });
    });
    const port = await listen(server);
    try {
      const env = { CANDOR_REPORT_WEBHOOK_URL: `http://127.0.0.1:${port}/services/T000/B000/secret` };
      const failures = await deliver(createInput({ delivery: { webhook: true, mailTo: [] }, env }));
      expect(failures).toEqual([]);
      expect(received).toHaveLength(1);
      expect(received[0].path).toBe('/services/T000/B000/secret');
      expect(received[0].auth).toBeUndefined();
      expect(received[0].body.text).toContain('*Executive scorecard: weekly review, Red 59/100*');
      expect(received[0].body.text).toContain('https://grafana.example/d/candor-exec');
    } finally {
      server.close();
    }
  });

  it('a webhook that answers an error is a failure naming its host only, not its secret path', async () => {
    const server = http.createServer((_, res) => res.writeHead(403).end('{"message":"invalid_token"}'));
    const port = await listen(server);
    try {
      const env = { CANDOR_REPORT_WEBHOOK_URL: `http://127.0.0.1:${port}/services/secret-key` };
      const failures = await deliver(createInput({ delivery: { webhook: true, mailTo: [] }, env }));
      expect(failures).toEqual([`webhook: 127.0.0.1:${port} answered HTTP 403: invalid_token`]);
    } finally {
      server.close();
    }
  });

  it('mails the digest with the report attached through SMTP with a login', async () => {
    const mails: Array<{ from?: string; to: string[]; data: string; user?: string }> = [];
    const smtp = new SMTPServer({
      authOptional: false,
      allowInsecureAuth: true,
      disabledCommands: ['STARTTLS'],
      onAuth: (auth, _session, cb) =>
        auth.username === 'reports' && auth.password === 's3cret'
          ? cb(null, { user: 'reports' })
          : cb(new Error('bad login')),
      onData: (stream, session, cb) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          mails.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : undefined,
            to: session.envelope.rcptTo.map((r) => r.address),
            data: Buffer.concat(chunks).toString(),
            user: session.user as string,
          });
          cb();
        });
      },
    });
    const port = await listen(smtp);
    try {
      const env = {
        CANDOR_SMTP_URL: `smtp://reports:s3cret@127.0.0.1:${port}`,
        CANDOR_REPORT_FROM: 'scorecard@example.com',
      };
      const failures = await deliver(
        createInput({ delivery: { webhook: false, mailTo: ['cfo@example.com', 'cto@example.com'] }, env })
      );
      expect(failures).toEqual([]);
      expect(mails).toHaveLength(1);
      expect(mails[0]).toMatchObject({
        from: 'scorecard@example.com',
        to: ['cfo@example.com', 'cto@example.com'],
        user: 'reports',
      });
      expect(mails[0].data).toContain('Subject: Executive scorecard: weekly review, Red 59/100');
      expect(mails[0].data).toMatch(/filename="?weekly\.pdf"?/);
      expect(mails[0].data).toContain(Buffer.from('%PDF-1.4 test').toString('base64'));
    } finally {
      await closeSmtp(smtp);
    }
  });

  it('a refused SMTP login is a mail failure that never shows the password', async () => {
    const smtp = new SMTPServer({
      allowInsecureAuth: true,
      disabledCommands: ['STARTTLS'],
      onAuth: (_auth, _session, cb) => cb(new Error('Invalid username or password')),
    });
    const port = await listen(smtp);
    try {
      const env = { CANDOR_SMTP_URL: `smtp://reports:s3cret@127.0.0.1:${port}` };
      const failures = await deliver(createInput({ delivery: { webhook: false, mailTo: ['cfo@example.com'] }, env }));
      expect(failures).toHaveLength(1);
      expect(failures[0]).toMatch(/^mail: .*Invalid username or password/);
      expect(failures[0]).not.toContain('s3cret');
    } finally {
      await closeSmtp(smtp);
    }
  });
});
