"use server";
// The spam filter's settings section (issue 7), each action with the session's CSRF token
// (sessionAction). Every input is validated here with zod.
import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { noticeKey } from "@/app/i18n/notice-key";
import { noticeUrl } from "@/lib/http/signed-notice";
import { setSetting } from "@/lib/settings/account-settings";
import { listPatternSchema } from "@/lib/spam/sender-lists";
import {
  spamAccount,
  spamAutoFile,
  spamAwlFactor,
  spamInterestingTokens,
  spamLearnerThreshold,
  spamMethod,
  spamThreshold,
  spamTrainMode,
  spamUnsureThreshold,
} from "@/lib/spam/spam-settings";
import { addListEntry, removeListEntry } from "@/lib/spam/spam-store";
import { sessionAction } from "../session-action";

function back(kind: "ok" | "error", text: string): never {
  redirect(`${noticeUrl("/mail/settings", { kind, text })}#settings-spam`);
}

const settingsForm = z.object({
  threshold: z.coerce.number().min(0.5).max(0.9999),
  interesting: z.coerce.number().int().min(5).max(50),
  trainMode: z.enum(["mistakes", "everything"]),
  awlFactor: z.coerce.number().min(0).max(1),
  method: z.enum(["logistic", "graham"]),
  learnerThreshold: z.coerce.number().min(0.01).max(0.9999),
  unsureThreshold: z.coerce.number().min(0.001).max(0.9999),
});

export const saveSpamSettings = sessionAction("/mail/settings", async (session, form) => {
  const parsed = settingsForm.safeParse(Object.fromEntries(form));
  if (!parsed.success) {
    back("error", noticeKey("spamSettingsInvalid"));
  }
  if (parsed.data.unsureThreshold > parsed.data.learnerThreshold) back("error", noticeKey("spamUnsureAbove"));
  const account = spamAccount(session.email);
  await setSetting(account, spamThreshold, parsed.data.threshold);
  await setSetting(account, spamInterestingTokens, parsed.data.interesting);
  await setSetting(account, spamTrainMode, parsed.data.trainMode);
  await setSetting(account, spamAwlFactor, parsed.data.awlFactor);
  await setSetting(account, spamMethod, parsed.data.method);
  await setSetting(account, spamLearnerThreshold, parsed.data.learnerThreshold);
  await setSetting(account, spamUnsureThreshold, parsed.data.unsureThreshold);
  await setSetting(account, spamAutoFile, form.get("autoFile") === "yes");
  back("ok", noticeKey("spamSettingsSaved"));
});

const entryForm = z.object({ kind: z.enum(["allow", "block"]), pattern: listPatternSchema });

export const addSpamListEntry = sessionAction("/mail/settings", async (session, form) => {
  const parsed = entryForm.safeParse(Object.fromEntries(form));
  if (!parsed.success) back("error", noticeKey("spamPatternInvalid"));
  await addListEntry(spamAccount(session.email), parsed.data);
  back("ok", noticeKey(parsed.data.kind === "allow" ? "spamAllowed" : "spamBlocked", { pattern: parsed.data.pattern }));
});

export const removeSpamListEntry = sessionAction("/mail/settings", async (session, form) => {
  const parsed = entryForm.safeParse(Object.fromEntries(form));
  if (!parsed.success) back("error", noticeKey("spamEntryNotRemoved"));
  await removeListEntry(spamAccount(session.email), parsed.data);
  back("ok", noticeKey("spamEntryRemoved", { pattern: parsed.data.pattern }));
});

/** Starts the filter afresh: everything learned, every remembered verdict and sender score. */
export const forgetSpamTraining = sessionAction("/mail/settings", async (session) => {
  const account = spamAccount(session.email);
  const db = getDb();
  await db.$transaction([
    db.spamToken.deleteMany({ where: { account } }),
    db.spamCorpus.deleteMany({ where: { account } }),
    db.spamWeight.deleteMany({ where: { account } }),
    db.spamModel.deleteMany({ where: { account } }),
    db.spamTrained.deleteMany({ where: { account } }),
    db.spamSenderScore.deleteMany({ where: { account } }),
  ]);
  back("ok", noticeKey("spamForgot"));
});
