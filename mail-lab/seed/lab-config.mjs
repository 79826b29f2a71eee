// Connection settings of the mail lab, shared by the seed scripts, check.mjs and tests.
// Each port: the LAB_*_PORT env var if set, else what the running lab was started with
// ($LAB_DIR/run/ports.env, written by `lab up`), else the default.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const LAB_SRC = path.dirname(path.dirname(fileURLToPath(import.meta.url))); // <repo>/mail-lab
export const REPO_DIR = path.dirname(LAB_SRC);

export const DEFAULT_PORTS = Object.freeze({
  IMAP: 3143, IMAPS: 3993, POP3: 3110, SIEVE: 4190, LMTP: 3024, MX: 3025, SUBMISSION: 3587,
});

/** Lab users (see mail-lab/users). */
export const LAB_USERS = Object.freeze({
  alice: Object.freeze({ user: 'alice@example.test', pass: 'alice-pass' }),
  bob: Object.freeze({ user: 'bob@example.test', pass: 'bob-pass' }),
  carol: Object.freeze({ user: 'carol@example.test', pass: 'carol-pass' }),
  sink: Object.freeze({ user: 'sink@example.test', pass: 'sink-pass' }),
  load: Object.freeze({ user: 'load@example.test', pass: 'load-pass' }),
  dave: Object.freeze({ user: 'dave@example.test', pass: 'dave-pass' }),
});

export function labConfig(env = process.env) {
  const labDir = path.resolve(env.LAB_DIR || path.join(REPO_DIR, 'data', 'lab'));
  const saved = {};
  try {
    for (const line of fs.readFileSync(path.join(labDir, 'run', 'ports.env'), 'utf8').split('\n')) {
      const m = /^LAB_([A-Z0-9]+)_PORT=(\d+)$/.exec(line.trim());
      if (m) saved[m[1]] = Number(m[2]);
    }
  } catch { /* lab never started: defaults */ }
  const port = (k) => Number(env[`LAB_${k}_PORT`] || saved[k] || DEFAULT_PORTS[k]);
  return {
    labDir,
    host: '127.0.0.1',
    imapPort: port('IMAP'),
    imapsPort: port('IMAPS'),
    pop3Port: port('POP3'),
    sievePort: port('SIEVE'),
    lmtpPort: port('LMTP'),
    mxPort: port('MX'),
    submissionPort: port('SUBMISSION'),
    caCert: path.join(labDir, 'ssl', 'cert.pem'),
    domain: 'example.test',
  };
}
