import { redirect } from "next/navigation";
import { requireMailSession } from "@/auth";
import { prepareCompose } from "@/lib/compose/prepare-compose";
import { isPosternError } from "@/lib/http/errors";
import { attachmentBudget, getSendLimit } from "@/lib/smtp/size-limit";
import { mailUrl } from "../mail-url";
import { backFolder, composeParamsSchema, toComposeRequest } from "./compose-params";
import { Composer } from "./composer";
import styles from "./compose.module.css";

export const dynamic = "force-dynamic";

const TITLES = { new: "New message", reply: "Reply", replyAll: "Reply all", forward: "Forward", draft: "Draft" } as const;

export default async function ComposePage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const session = await requireMailSession();
  const params = composeParamsSchema.parse(await searchParams);
  const request = toComposeRequest(params);
  const back = backFolder(params);
  let body;
  try {
    const [initial, limit] = await Promise.all([prepareCompose(session.imap, [session.email], request), getSendLimit()]);
    body = <Composer initial={initial} from={session.email} attachmentBudget={attachmentBudget(limit)} back={back} />;
  } catch (e) {
    if (isPosternError(e) && e.code === "INVALID_CREDENTIALS") redirect("/login?reason=expired");
    if (!isPosternError(e)) throw e;
    body = (
      <p className={styles.notice} role="alert" data-testid="compose-load-error">
        {e.message} <a href={mailUrl({ folder: back })}>Back to mail</a>
      </p>
    );
  }
  return (
    <div className={styles.page}>
      <header className="topbar">
        <span className="brand">Postern</span>
        {/* A plain link: a full navigation lets the unsaved-changes warning ask first. */}
        <a href={mailUrl({ folder: back })} className={styles.back}>
          Back to mail
        </a>
        <span className="account" data-testid="account">
          {session.email}
        </span>
      </header>
      <main className={styles.main}>
        <h1>{TITLES[request.kind]}</h1>
        {body}
      </main>
    </div>
  );
}
