import net from "node:net";
import { describe, expect, it } from "vitest";
import { useScriptedLineServers } from "@/tests/fixtures/scripted-line-server";
import { listMessages } from "./commands/list-messages";
import { retrieveMessage } from "./commands/retrieve";
import { Pop3Connection } from "./connection";
import { Pop3ConnectionError, Pop3ProtocolError, Pop3ResponseError } from "./errors";
import { openPop3Session } from "./open-pop3-session";

// Servers that misbehave on purpose, on 127.0.0.1: what a broken or hostile POP3 server can do to
// Postern. `script` answers each command line the client sends. (Protocol behaviour itself is
// tested against the lab's Dovecot: tests/integration/pop3-*.test.ts.)
const scriptedServer = useScriptedLineServers();
const server = (script: (command: string, socket: net.Socket) => void, greeting = "+OK hostile test server\r\n") => scriptedServer(script, greeting);

const options = (port: number) => ({ host: "127.0.0.1", port, security: "none" as const, tls: { rejectUnauthorized: true }, idleTimeoutMs: 1500 });

describe("Pop3Connection against hostile servers", () => {
  it("fails clearly when the server drops the connection in the middle of a message", async () => {
    const port = await server((cmd, s) => {
      if (cmd.startsWith("RETR")) s.end("+OK\r\nSubject: cut\r\n\r\nhalf of the bo");
    });
    const { connection } = await Pop3Connection.open(options(port));
    const err = await retrieveMessage(connection, 1, 1000).catch((e) => e);
    expect(err).toBeInstanceOf(Pop3ConnectionError);
    await expect(connection.command("NOOP")).rejects.toBeInstanceOf(Pop3ConnectionError);
  });

  it("gives up on a server that stops sending, within the idle timeout", async () => {
    const port = await server((cmd, s) => {
      if (cmd.startsWith("RETR")) s.write("+OK\r\nSubject: slow\r\n");
    });
    const { connection } = await Pop3Connection.open(options(port));
    await expect(retrieveMessage(connection, 1, 1000)).rejects.toThrow("The POP3 server stopped answering.");
  });

  it("stops reading a message larger than allowed, and closes the connection", async () => {
    const port = await server((cmd, s) => {
      if (cmd.startsWith("RETR")) s.write("+OK\r\n" + ("x".repeat(100) + "\r\n").repeat(10));
    });
    const { connection } = await Pop3Connection.open(options(port));
    const err = await retrieveMessage(connection, 1, 500).catch((e) => e);
    expect(err).toBeInstanceOf(Pop3ProtocolError);
    expect(err.reason).toBe("too-large");
    expect(connection.closed).toBe(true);
  });

  it("refuses an endless line without buffering it", async () => {
    const port = await server((cmd, s) => {
      if (cmd === "NOOP") s.write("+OK " + "y".repeat(5000));
    });
    const { connection } = await Pop3Connection.open({ ...options(port), maxLineBytes: 1024 });
    await expect(connection.command("NOOP")).rejects.toBeInstanceOf(Pop3ProtocolError);
  });

  it("refuses an answer that is neither +OK nor -ERR", async () => {
    const port = await server((cmd, s) => {
      if (cmd === "NOOP") s.write("220 I am an SMTP server\r\n");
    });
    const { connection } = await Pop3Connection.open(options(port));
    await expect(connection.command("NOOP")).rejects.toThrow(/not a POP3 answer/);
  });

  it("refuses a greeting that is not POP3 or is -ERR", async () => {
    const smtp = await server(() => undefined, "220 smtp.example ESMTP\r\n");
    await expect(Pop3Connection.open(options(smtp))).rejects.toBeInstanceOf(Pop3ProtocolError);
    const busy = await server(() => undefined, "-ERR [SYS/TEMP] go away\r\n");
    await expect(Pop3Connection.open(options(busy))).rejects.toThrow("refused the connection: [SYS/TEMP] go away");
  });

  it("unstuffs dot-stuffed lines and keeps 8-bit bytes as they are", async () => {
    const port = await server((cmd, s) => {
      if (cmd === "RETR 1") s.write(Buffer.concat([Buffer.from("+OK\r\nSubject: x\r\n\r\n..hidden\r\ncaf"), Buffer.from([0xe9]), Buffer.from("\r\n.\r\n")]));
    });
    const { connection } = await Pop3Connection.open(options(port));
    const raw = await retrieveMessage(connection, 1, 1000);
    expect(raw.equals(Buffer.concat([Buffer.from("Subject: x\r\n\r\n.hidden\r\ncaf"), Buffer.from([0xe9]), Buffer.from("\r\n")]))).toBe(true);
  });

  it("skips malformed and repeated unique ids instead of confusing messages", async () => {
    const port = await server((cmd, s) => {
      if (cmd === "UIDL") s.write("+OK\r\n1 aaa\r\n2 dup\r\n3 dup\r\n4 has space\r\nfoo bar\r\n5 " + "z".repeat(71) + "\r\n6 ok6\r\n.\r\n");
      if (cmd === "LIST") s.write("+OK\r\n1 10\r\n2 20\r\n3 30\r\n4 40\r\n5 50\r\n6 -1\r\n.\r\n");
    });
    const { connection } = await Pop3Connection.open(options(port));
    expect(await listMessages(connection)).toEqual([{ number: 1, uidl: "aaa", size: 10 }]);
  });

  it("never sends a command with a line break in it (a user name cannot smuggle a second command)", async () => {
    const seen: string[] = [];
    const port = await server((cmd, s) => {
      seen.push(cmd);
      s.write(cmd === "CAPA" ? "-ERR\r\n" : "+OK\r\n");
    });
    const err = await openPop3Session({ ...options(port), auth: "user", user: "bob\r\nDELE 1", pass: "x" }).catch((e) => e);
    expect(err).toBeInstanceOf(Pop3ProtocolError);
    expect(seen).toEqual(["CAPA"]);
  });

  it("reports -ERR with the server's response code", async () => {
    const port = await server((cmd, s) => {
      s.write(cmd === "PASS x" ? "-ERR [AUTH] Authentication failed.\r\n" : cmd === "CAPA" ? "+OK\r\nUSER\r\n.\r\n" : "+OK\r\n");
    });
    const err = await openPop3Session({ ...options(port), auth: "user", user: "bob", pass: "x" }).catch((e) => e);
    expect(err).toBeInstanceOf(Pop3ResponseError);
    expect(err.responseCode).toBe("AUTH");
    expect(err.message).not.toContain("PASS x");
  });

  it("refuses STARTTLS when the server does not offer it, before sending the password", async () => {
    const seen: string[] = [];
    const port = await server((cmd, s) => {
      seen.push(cmd);
      s.write(cmd === "CAPA" ? "+OK\r\nUSER\r\n.\r\n" : "+OK\r\n");
    });
    const err = await openPop3Session({ ...options(port), security: "starttls", auth: "user", user: "bob", pass: "secret" }).catch((e) => e);
    expect(err).toBeInstanceOf(Pop3ConnectionError);
    expect(seen.join(" ")).not.toContain("secret");
  });
});
