import { describe, expect, it } from "vitest";
import { imapCommandLabel, imapErrorKind, instrumentImapCommands } from "./imap-command-metrics";
import { getMetrics } from "./metrics";

async function sample(name: string, labels: Record<string, string>): Promise<number> {
  const metric = (await getMetrics().registry.getMetricsAsJSON()).find((m) => m.name === name);
  const values = (metric?.values ?? []) as { labels: Record<string, unknown>; value: number; metricName?: string }[];
  return values
    .filter((v) => (v.metricName ?? name).endsWith(name.endsWith("_total") ? "_total" : "_count") && Object.entries(labels).every(([k, x]) => v.labels[k] === x))
    .reduce((sum, v) => sum + v.value, 0);
}

describe("instrumentImapCommands", () => {
  it("times each command and counts refusals by kind, passing results and errors through", async () => {
    const refusal = Object.assign(new Error("Command failed"), { responseStatus: "NO" });
    const client = {
      exec: async (command: string) => {
        if (command === "SELECT") throw refusal;
        return { tag: "A1", command };
      },
    };
    instrumentImapCommands(client);
    const before = await sample("postern_imap_command_duration_seconds", { command: "UID FETCH" });
    const errorsBefore = await sample("postern_imap_command_errors_total", { command: "SELECT", kind: "no" });
    expect(await client.exec("UID FETCH")).toEqual({ tag: "A1", command: "UID FETCH" });
    await expect(client.exec("SELECT")).rejects.toBe(refusal);
    expect(await sample("postern_imap_command_duration_seconds", { command: "UID FETCH" })).toBe(before + 1);
    expect(await sample("postern_imap_command_errors_total", { command: "SELECT", kind: "no" })).toBe(errorsBefore + 1);
  });

  it("leaves IDLE untimed: it lasts as long as the mailbox is quiet", async () => {
    const client = { exec: async () => "done" };
    instrumentImapCommands(client);
    await client.exec();
    const before = await sample("postern_imap_command_duration_seconds", { command: "IDLE" });
    await (client.exec as (c: string) => Promise<unknown>)("IDLE");
    expect(await sample("postern_imap_command_duration_seconds", { command: "IDLE" })).toBe(before);
  });
});

describe("labels", () => {
  it("keeps command verbs and folds anything else", () => {
    expect(imapCommandLabel("uid fetch")).toBe("UID FETCH");
    expect(imapCommandLabel("X\r\nLOGIN")).toBe("OTHER");
    expect(imapCommandLabel(42)).toBe("OTHER");
  });

  it("tells refusals from lost connections", () => {
    expect(imapErrorKind({ responseStatus: "BAD" })).toBe("bad");
    expect(imapErrorKind({ code: "EConnectionClosed" })).toBe("connection");
    expect(imapErrorKind({ code: "NoConnection" })).toBe("connection");
    expect(imapErrorKind(new Error("x"))).toBe("other");
    expect(imapErrorKind(undefined)).toBe("other");
  });
});
