// A second Postern process for outbox.test.ts (run with tsx): it queues a message or runs its
// outbox, and dies by SIGKILL at the moment the test names, as a crashed server would. Whatever
// it leaves in the shared database is then the test process's to finish.
import { queueMessage } from "@/lib/compose/queue-message";
import { EMPTY_CONTEXT } from "@/lib/compose/compose-types";
import { signIn } from "@/lib/auth/sign-in";
import { OutboxWorker } from "@/lib/outbox/outbox-worker";
import { getSendLimit } from "@/lib/smtp/size-limit";

const die = (): never => {
  process.kill(process.pid, "SIGKILL");
  throw new Error("unreachable");
};

async function main(mode: string, subject: string): Promise<void> {
  if (mode === "queue-then-die") {
    const { session } = await signIn({ email: "bob@example.test", password: "bob-pass", clientIp: "127.0.0.200", userAgent: "outbox-child" });
    const imap = { sessionId: session.id, credentials: session.credentials, clientIp: null };
    const s = { from: { name: "Bob", address: "bob@example.test" }, to: "carol@example.test", cc: "", bcc: "", subject, body: "queued by a process that died", kept: [], uploads: [], context: EMPTY_CONTEXT, draft: null };
    const queued = await queueMessage(imap, s, { limit: await getSendLimit(), delayMs: 1500 }, new OutboxWorker());
    if (!queued.ok) throw queued.error;
    process.stdout.write(JSON.stringify({ id: queued.job.id }) + "\n", die);
    return;
  }
  // Dies holding the claim before the server has answered: nothing recorded as accepted.
  if (mode === "die-while-sending") await new OutboxWorker({ submit: async () => die() }).tick();
  // Dies after the server accepted and that was recorded, before the Sent copy and the draft.
  if (mode === "die-after-accept") await new OutboxWorker({ afterAccepted: () => die() }).tick();
  process.exit(3); // the job was not there to run
}

void main(process.argv[2] ?? "", process.argv[3] ?? "").catch((e: unknown) => {
  console.error(e);
  process.exit(2);
});
