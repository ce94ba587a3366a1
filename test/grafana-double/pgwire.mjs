// A minimal PostgreSQL client (frontend/backend protocol v3) for the double: TCP to 127.0.0.1, SCRAM-SHA-256 or
// cleartext/md5 password login, and the SIMPLE query protocol (what Grafana's pgx `Exec` uses): every statement's
// result with its column names and type OIDs, values as the server's text. The `pg` npm package is not in the
// project's dependencies, and psql cannot report column types, hence this small client.
import crypto from 'node:crypto';
import net from 'node:net';

const int32 = (n) => {
  const b = Buffer.alloc(4);
  b.writeInt32BE(n);
  return b;
};
const message = (type, body) => Buffer.concat([Buffer.from(type), int32(body.length + 4), body]);
const cstr = (s) => Buffer.from(`${s}\0`, 'utf8');

export class PgError extends Error {
  constructor(fields) {
    super(`${fields.S ?? 'ERROR'}: ${fields.M ?? 'unknown error'} (SQLSTATE ${fields.C ?? '?????'})`);
    this.fields = fields;
  }
}

function scramClient(user, password) {
  const nonce = crypto.randomBytes(18).toString('base64');
  const first = `n=*,r=${nonce}`;
  return {
    first: `n,,${first}`,
    final(serverFirst) {
      const attrs = Object.fromEntries(serverFirst.split(',').map((kv) => [kv[0], kv.slice(2)]));
      if (!attrs.r?.startsWith(nonce)) {
        throw new Error('SCRAM: server nonce does not extend the client nonce');
      }
      const salted = crypto.pbkdf2Sync(
        password.normalize('NFKC'),
        Buffer.from(attrs.s, 'base64'),
        Number(attrs.i),
        32,
        'sha256'
      );
      const hmac = (key, text) => crypto.createHmac('sha256', key).update(text).digest();
      const clientKey = hmac(salted, 'Client Key');
      const storedKey = crypto.createHash('sha256').update(clientKey).digest();
      const withoutProof = `c=biws,r=${attrs.r}`;
      const signature = hmac(storedKey, `${first},${serverFirst},${withoutProof}`);
      const proof = Buffer.from(clientKey.map((b, i) => b ^ signature[i])).toString('base64');
      return `${withoutProof},p=${proof}`;
    },
  };
}

export class PgConnection {
  constructor(socket) {
    this.socket = socket;
    this.buffer = Buffer.alloc(0);
    this.waiters = [];
    this.queue = [];
    this.closed = false;
    socket.on('data', (chunk) => {
      this.buffer = Buffer.concat([this.buffer, chunk]);
      this.drain();
    });
    const fail = (err) => {
      this.closed = true;
      this.failure = err ?? new Error('connection closed');
      this.waiters.splice(0).forEach((w) => w.reject(this.failure));
    };
    socket.on('error', fail);
    socket.on('close', () => fail());
  }

  drain() {
    while (this.buffer.length >= 5) {
      const length = this.buffer.readInt32BE(1);
      if (this.buffer.length < length + 1) {
        return;
      }
      const msg = { type: String.fromCharCode(this.buffer[0]), body: this.buffer.subarray(5, length + 1) };
      this.buffer = this.buffer.subarray(length + 1);
      const waiter = this.waiters.shift();
      waiter ? waiter.resolve(msg) : this.queue.push(msg);
    }
  }

  next() {
    if (this.queue.length) {
      return Promise.resolve(this.queue.shift());
    }
    if (this.closed) {
      return Promise.reject(this.failure);
    }
    return new Promise((resolve, reject) => this.waiters.push({ resolve, reject }));
  }

  static async connect({ host = '127.0.0.1', port, user, password, database, timeoutMs = 60_000 }) {
    const socket = net.connect({ host, port });
    socket.setTimeout(timeoutMs, () =>
      socket.destroy(new Error(`timeout after ${timeoutMs} ms talking to ${host}:${port}`))
    );
    await new Promise((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('error', reject);
    });
    const conn = new PgConnection(socket);
    try {
      await conn.login(user, password, database);
      return conn;
    } catch (e) {
      socket.destroy();
      throw e;
    }
  }

  /** Startup and authentication (SCRAM-SHA-256, md5 or cleartext), up to the first ReadyForQuery. */
  async login(user, password, database) {
    const socket = this.socket;
    const params = Buffer.concat([
      ...['user', user, 'database', database, 'client_encoding', 'UTF8', 'DateStyle', 'ISO'].map(cstr),
      Buffer.from([0]),
    ]);
    socket.write(Buffer.concat([int32(params.length + 8), int32(196608), params]));
    let scram;
    for (;;) {
      const msg = await this.next();
      if (msg.type === 'E') {
        throw new PgError(parseFields(msg.body));
      }
      if (msg.type === 'Z') {
        return;
      }
      if (msg.type !== 'R') {
        continue;
      }
      const code = msg.body.readInt32BE(0);
      if (code === 3) {
        socket.write(message('p', cstr(password)));
      } else if (code === 5) {
        const md5 = (s) => crypto.createHash('md5').update(s).digest('hex');
        const salt = msg.body.subarray(4, 8);
        const inner = md5(password + user);
        socket.write(
          message(
            'p',
            cstr(
              `md5${crypto
                .createHash('md5')
                .update(Buffer.concat([Buffer.from(inner), salt]))
                .digest('hex')}`
            )
          )
        );
      } else if (code === 10) {
        scram = scramClient(user, password);
        const first = Buffer.from(scram.first);
        socket.write(message('p', Buffer.concat([cstr('SCRAM-SHA-256'), int32(first.length), first])));
      } else if (code === 11) {
        socket.write(message('p', Buffer.from(scram.final(msg.body.subarray(4).toString('utf8')))));
      } else if (code !== 0 && code !== 12) {
        throw new Error(`unsupported authentication request ${code}`);
      }
    }
  }

  /**
   * Runs `sql` with the simple query protocol. Resolves { results, error }: one result per statement
   * ({ fields: [{ name, typeOid }], rows: [[text|null]], command }); `error` is the first PgError (the rest of a
   * multi-statement query is then skipped by the server, as with pgx).
   */
  async query(sql) {
    this.socket.write(message('Q', cstr(sql)));
    const results = [];
    let current;
    let error;
    for (;;) {
      const msg = await this.next();
      if (msg.type === 'T') {
        current = { fields: parseRowDescription(msg.body), rows: [] };
      } else if (msg.type === 'D') {
        current.rows.push(parseDataRow(msg.body));
      } else if (msg.type === 'C') {
        results.push({
          ...(current ?? { fields: [], rows: [] }),
          command: msg.body.toString('utf8').replace(/\0$/, ''),
        });
        current = undefined;
      } else if (msg.type === 'E') {
        error = error ?? new PgError(parseFields(msg.body));
      } else if (msg.type === 'Z') {
        return { results, error };
      }
    }
  }

  close() {
    if (!this.closed) {
      this.socket.end(message('X', Buffer.alloc(0)));
    }
  }
}

function parseFields(body) {
  const fields = {};
  let i = 0;
  while (i < body.length && body[i] !== 0) {
    const end = body.indexOf(0, i + 1);
    fields[String.fromCharCode(body[i])] = body.subarray(i + 1, end).toString('utf8');
    i = end + 1;
  }
  return fields;
}

function parseRowDescription(body) {
  const count = body.readInt16BE(0);
  const fields = [];
  let i = 2;
  for (let n = 0; n < count; n++) {
    const end = body.indexOf(0, i);
    const name = body.subarray(i, end).toString('utf8');
    i = end + 1;
    fields.push({ name, typeOid: body.readInt32BE(i + 6) });
    i += 18;
  }
  return fields;
}

function parseDataRow(body) {
  const count = body.readInt16BE(0);
  const row = [];
  let i = 2;
  for (let n = 0; n < count; n++) {
    const len = body.readInt32BE(i);
    i += 4;
    row.push(len < 0 ? null : body.subarray(i, i + len).toString('utf8'));
    i += Math.max(len, 0);
  }
  return row;
}
