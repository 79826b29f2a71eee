import net from "node:net";
import { describe, expect, it } from "vitest";
import { useScriptedLineServers } from "@/tests/fixtures/scripted-line-server";
import { fetchArticle } from "./commands/article";
import { fetchOverview } from "./commands/over";
import { NntpConnection } from "./connection";
import { NntpConnectionError, NntpProtocolError } from "./errors";

// Servers that misbehave on purpose, on 127.0.0.1: what a broken or hostile news server can do to
// Postern. `script` answers each command line the client sends.
const scriptedServer = useScriptedLineServers();
const server = (script: (command: string, socket: net.Socket) => void, greeting = "200 hostile test server\r\n") => scriptedServer(script, greeting);

const connect = (port: number, idleTimeoutMs = 2000) =>
  NntpConnection.open({ host: "127.0.0.1", port, security: "none", tls: { rejectUnauthorized: true }, idleTimeoutMs });

describe("NntpConnection against hostile servers", () => {
  it("fails clearly when the server drops the connection in the middle of an article", async () => {
    const port = await server((cmd, s) => {
      if (cmd.startsWith("ARTICLE")) s.end("220 1 <a@x>\r\nSubject: cut\r\n\r\nhalf of the bo");
    });
    const { connection } = await connect(port);
    const err = await fetchArticle(connection, { ref: { number: 1 } }).catch((e) => e);
    expect(err).toBeInstanceOf(NntpConnectionError);
    expect(err.message).toBe("The news server closed the connection.");
    await expect(connection.command("DATE")).rejects.toBeInstanceOf(NntpConnectionError);
  });

  it("gives up on a server that stops sending, within the idle timeout", async () => {
    const port = await server((cmd, s) => {
      if (cmd.startsWith("OVER")) s.write("224 overview follows\r\n1\tpartial");
    });
    const { connection } = await connect(port, 300);
    const t0 = Date.now();
    const err = await fetchOverview(connection, { low: 1, high: 10, format: ["xref"] }).catch((e) => e);
    expect(err).toBeInstanceOf(NntpConnectionError);
    expect(err.message).toBe("The news server stopped answering.");
    expect(Date.now() - t0).toBeLessThan(3000);
  });

  it("skips malformed overview lines and counts them", async () => {
    const port = await server((cmd, s) => {
      if (cmd.startsWith("OVER"))
        s.write(
          "224 overview\r\n" +
            "1\tGood\tA <a@x>\tSun, 6 Dec 2026 07:00:00 +0000\t<1@x>\t\t10\t1\r\n" +
            "garbage without tabs\r\n" +
            "notanumber\ts\tf\td\t<2@x>\t\t1\t1\r\n" +
            "999\tout of range\tf\td\t<3@x>\t\t1\t1\r\n" +
            "3\tAlso good\tB <b@x>\t\t<4@x>\t<1@x>\t10\t1\r\n.\r\n",
        );
    });
    const { connection } = await connect(port);
    const { rows, malformed } = await fetchOverview(connection, { low: 1, high: 10, format: ["xref"] });
    expect(rows.map((r) => r.subject)).toEqual(["Good", "Also good"]);
    expect(malformed).toBe(3);
  });

  it("stops reading an article larger than the limit and closes the connection", async () => {
    const port = await server((cmd, s) => {
      if (cmd.startsWith("ARTICLE")) {
        s.write("220 1 <big@x>\r\nSubject: big\r\n\r\n");
        const chunk = `${"y".repeat(998)}\r\n`.repeat(1000);
        const pump = () => {
          while (!s.destroyed && s.write(chunk));
          if (!s.destroyed) s.once("drain", pump);
        };
        pump();
      }
    });
    const { connection } = await connect(port);
    const err = await fetchArticle(connection, { ref: { number: 1 }, maxBytes: 5_000_000 }).catch((e) => e);
    expect(err).toBeInstanceOf(NntpProtocolError);
    expect(err.reason).toBe("too-large");
    expect(connection.closed).toBe(true);
  });

  it("refuses a line without end longer than the line limit", async () => {
    const port = await server((cmd, s) => {
      if (cmd === "DATE") s.write("111 " + "9".repeat(2_000_000));
    });
    const { connection } = await connect(port);
    await expect(connection.command("DATE")).rejects.toMatchObject({ reason: "too-large" });
  });

  it("rejects a greeting that is not NNTP", async () => {
    const port = await server(() => undefined, "SSH-2.0-OpenSSH_9.2\r\n");
    await expect(connect(port)).rejects.toBeInstanceOf(NntpProtocolError);
  });

  it("never sends a command with a line break inside (no command smuggling)", async () => {
    const seen: string[] = [];
    const port = await server((cmd, s) => {
      seen.push(cmd);
      s.write("211 0 0 0 x\r\n");
    });
    const { connection } = await connect(port);
    await expect(connection.command("GROUP a\r\nPOST")).rejects.toBeInstanceOf(NntpProtocolError);
    expect(seen).toEqual([]);
  });
});
