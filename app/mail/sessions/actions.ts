"use server";
// Devices and sessions: signing out another session of the same account, or all of them but this
// one. Each ends the session record (so its next request goes to the sign-in page, on any
// process) and its IMAP connection here; other processes close theirs within seconds
// (lib/auth/sign-out.ts closeSessionsEndedElsewhere).
import { z } from "zod";
import { endOtherSessions, endSessions } from "@/lib/auth/sign-out";
import { noticeKey } from "@/app/i18n/notice-key";
import { noticeAction } from "../notice-action";

export const endSessionAction = noticeAction({
  page: "/mail/sessions",
  schema: z.object({ id: z.string().min(1).max(100) }),
  invalid: () => noticeKey("formInvalid"),
  logTag: "sessions",
  work: async (session, input) => {
    if (input.id === session.id) return noticeKey("useSignOut");
    return noticeKey((await endSessions(session.email, [input.id])) ? "sessionEnded" : "sessionAlreadyEnded");
  },
});

export const endOtherSessionsAction = noticeAction({
  page: "/mail/sessions",
  schema: z.object({}),
  invalid: () => noticeKey("formInvalid"),
  logTag: "sessions",
  work: async (session) => {
    const n = await endOtherSessions(session.email, session.id);
    return n === 0 ? noticeKey("noOtherSession") : noticeKey("otherSessionsEnded", { count: n });
  },
});
