// Experiment: does Dovecot key its auth penalty on the address forwarded with
// ID ("x-originating-ip" ...) (honoured because login_trusted_networks = 127.0.0.1/32)?
//   node mail-lab/tools/auth-penalty.mjs [--ip-base 127.0.0.77]
// Sends, over raw sockets from 127.0.0.1:
//   1. ID x-originating-ip=A, LOGIN with a wrong password     -> NO after auth_failure_delay (~2 s)
//   2. ID x-originating-ip=B, LOGIN with the right password   -> expected fast (other "browser")
//   3. ID x-originating-ip=A, LOGIN with the right password   -> expected delayed by the auth penalty
//   4. no ID (rip=127.0.0.1),  LOGIN with the right password   -> expected fast
//   5. LOGIN first, then ID x-originating-ip=C                 -> Dovecot ignores it (log shows rip=127.0.0.1)
//   6. imapflow with clientInfo {'x-originating-ip': D} after a failed raw login from D -> delayed,
//      and imapflow with clientInfo E -> fast (proves imapflow sends ID before LOGIN)
// Uses fresh addresses each run (pass --ip-base) so earlier penalties do not interfere. The penalty
// only ever hits the forwarded test addresses, never 127.0.0.1 itself.
import net from 'node:net';
import fs from 'node:fs';
import path from 'node:path';
import { ImapFlow } from 'imapflow';
import { labConfig } from '../seed/lab-config.mjs';

const cfg = labConfig();
const HOST = '127.0.0.1', PORT = cfg.imapPort;
const USER = 'alice@example.test', PASS = 'alice-pass';
const argIp = process.argv.indexOf('--ip-base');
const base = (argIp > 0 ? process.argv[argIp + 1] : `127.0.${1 + Math.floor(Math.random() * 200)}.77`).split('.').map(Number);
const ip = (n) => `${base[0]}.${base[1]}.${base[2]}.${base[3] + n}`;
const A = ip(0), B = ip(1), C = ip(2), D = ip(3), E = ip(4);

function session() {
  const s = net.connect(PORT, HOST); s.setEncoding('utf8');
  let buf = ''; const waiters = [];
  s.on('data', (d) => { buf += d; waiters.splice(0).forEach((w) => w()); });
  const until = async (re) => { while (!re.test(buf)) await new Promise((r) => waiters.push(r)); const out = buf; buf = ''; return out; };
  let n = 0;
  const cmd = async (c) => { const tag = `t${++n}`; s.write(`${tag} ${c}\r\n`); return until(new RegExp(`^${tag} (OK|NO|BAD).*\\r\\n`, 'm')); };
  return { ready: () => until(/^\* OK.*\r\n/m), cmd, end: () => s.end() };
}
async function login({ forwarded, pass, idAfter }) {
  const s = session(); await s.ready();
  if (forwarded && !idAfter) await s.cmd(`ID ("name" "postern-lab-experiment" "x-originating-ip" "${forwarded}")`);
  const t0 = Date.now();
  const r = await s.cmd(`LOGIN "${USER}" "${pass}"`);
  const ms = Date.now() - t0;
  if (forwarded && idAfter) await s.cmd(`ID ("name" "postern-lab-experiment" "x-originating-ip" "${forwarded}")`);
  await s.cmd('LOGOUT').catch(() => {}); s.end();
  return { ok: /^t\d+ OK/m.test(r), ms };
}
async function imapflowLogin(forwarded, pass = PASS) {
  const c = new ImapFlow({ host: HOST, port: PORT, secure: false, doSTARTTLS: false, logger: false,
    auth: { user: USER, pass }, clientInfo: { name: 'postern-lab-experiment', 'x-originating-ip': forwarded } });
  const t0 = Date.now();
  let ok = true; try { await c.connect(); } catch { ok = false; }
  const ms = Date.now() - t0;
  if (ok) await c.logout(); else c.close();
  return { ok, ms };
}
const logFile = path.join(cfg.labDir, 'log', 'dovecot.log');
const logStart = fs.existsSync(logFile) ? fs.statSync(logFile).size : 0;
const show = (label, r) => console.log(`${label.padEnd(64)} ${r.ok ? 'OK ' : 'NO '} ${(r.ms / 1000).toFixed(2)} s`);

console.log(`addresses: A=${A} B=${B} C=${C} D=${D} E=${E}`);
show(`1. ID x-originating-ip ${A}, LOGIN wrong password`, await login({ forwarded: A, pass: 'wrong' }));
show(`2. ID x-originating-ip ${B}, LOGIN right password`, await login({ forwarded: B, pass: PASS }));
show(`3. ID x-originating-ip ${A}, LOGIN right password`, await login({ forwarded: A, pass: PASS }));
show(`3b. again ${A} (penalty after a success?)`, await login({ forwarded: A, pass: PASS }));
show('4. no ID (rip 127.0.0.1), LOGIN right password', await login({ pass: PASS }));
show(`5. LOGIN, then ID x-originating-ip ${C} (too late)`, await login({ forwarded: C, pass: PASS, idAfter: true }));
show(`6a. raw: ID ${D}, LOGIN wrong password`, await login({ forwarded: D, pass: 'wrong' }));
show(`6b. imapflow clientInfo x-originating-ip ${E}`, await imapflowLogin(E));
show(`6c. imapflow clientInfo x-originating-ip ${D} (penalised address)`, await imapflowLogin(D));

await new Promise((r) => setTimeout(r, 300));
const log = fs.readFileSync(logFile, 'utf8').slice(logStart).split('\n')
  .filter((l) => /imap-login: Info: (Login|Disconnected|Aborted)/.test(l) && /alice/.test(l));
console.log('\ndovecot.log (imap-login lines):');
for (const l of log) console.log('  ' + l.replace(/^.*imap-login: Info: /, '').replace(/, lip=.*$/, ''));
