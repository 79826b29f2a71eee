"use server";
// Collect mail (POP3): adding an account (after a real sign-in to it, rate-limited per user),
// fetching one now, and removing one. Inputs validated here; the work is in lib/collect.
import { z } from "zod";
import { collectPop3Account } from "@/lib/collect/collect-pop3-account";
import { editPop3Account } from "@/lib/collect/edit-pop3-account";
import { addPop3Account, deletePop3Account, getPop3Account, pop3Auth, pop3Security } from "@/lib/collect/pop3-account-store";
import { testPop3Server } from "@/lib/collect/test-pop3-server";
import { noticeAction } from "../notice-action";

const PAGE = "/mail/collect";

const addSchema = z.object({
  host: z.string().trim().min(1).max(253).regex(/^[A-Za-z0-9.:[\]-]+$/),
  port: z.coerce.number().int().min(1).max(65535),
  security: pop3Security,
  auth: pop3Auth,
  // a space or control character would break USER/APOP's one-line command
  user: z.string().trim().min(1).max(320).regex(/^[^\s\x00-\x1f\x7f]+$/),
  pass: z.string().min(1).max(1000),
  folder: z.string().min(1).max(1000),
  keep: z.enum(["keep", "delete"]),
  days: z.coerce.number().int().min(0).max(3650).optional(),
});

export const addPop3AccountAction = noticeAction({
  page: PAGE,
  schema: addSchema,
  invalid: () => "Check the server name, port, user name, password and folder.",
  logTag: "collect",
  work: async (session, input) => {
    const server = { host: input.host, port: input.port, security: input.security, auth: input.auth, credentials: { user: input.user, pass: input.pass } };
    const waiting = await testPop3Server(session.email, server);
    await addPop3Account(session.email, { ...server, folder: input.folder, deleteAfterDays: input.keep === "keep" ? null : (input.days ?? 0) });
    return `Added ${input.user} on ${input.host}: ${waiting} message${waiting === 1 ? "" : "s"} waiting there. Use Fetch now, or wait for the next scheduled fetch.`;
  },
});

const idSchema = z.object({ id: z.string().uuid() });

// the add form's fields, the password optional (empty keeps the stored one)
const editSchema = addSchema.extend({ id: z.string().uuid(), pass: z.string().max(1000) });

export const editPop3AccountAction = noticeAction({
  page: PAGE,
  schema: editSchema,
  invalid: () => "Check the server name, port, user name and folder.",
  logTag: "collect",
  work: async (session, input) => {
    const { id, keep, days, ...rest } = input;
    await editPop3Account(session.email, id, { ...rest, deleteAfterDays: keep === "keep" ? null : (days ?? 0) });
    return "notices.pop3Saved";
  },
});

export const fetchPop3NowAction = noticeAction({
  page: PAGE,
  schema: idSchema,
  invalid: () => "There is no such POP3 account.",
  logTag: "collect",
  work: async (session, input) => {
    const account = await getPop3Account(session.email, input.id);
    const r = await collectPop3Account(session.imap, account);
    if (!r.ran) return "A fetch of this account is running already; its messages show in a moment.";
    const parts = [`Fetched ${r.collected} message${r.collected === 1 ? "" : "s"} into ${account.folder}.`];
    if (r.deleted) parts.push(`${r.deleted} deleted from the server.`);
    if (r.more) parts.push("More are waiting: they come with the next fetch.");
    if (r.tooLarge) parts.push(`${r.tooLarge} too large to collect, left on the server.`);
    return parts.join(" ");
  },
});

export const deletePop3AccountAction = noticeAction({
  page: PAGE,
  schema: idSchema,
  invalid: () => "There is no such POP3 account.",
  logTag: "collect",
  work: async (session, input) => {
    await deletePop3Account(session.email, input.id);
    return "The POP3 account is removed. Mail already collected stays in your folders.";
  },
});
