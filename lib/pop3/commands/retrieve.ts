import type { Pop3Connection } from "../connection";

const CRLF = Buffer.from("\r\n");

/** The message's bytes (RETR), dot-unstuffed, lines ended by CRLF.
 * @throws Pop3ResponseError (no such message); Pop3ProtocolError too-large past maxBytes */
export async function retrieveMessage(connection: Pop3Connection, number: number, maxBytes: number): Promise<Buffer> {
  const { lines } = await connection.commandWithBlock(`RETR ${number}`, maxBytes);
  const parts: Buffer[] = [];
  for (const line of lines) parts.push(line, CRLF);
  return Buffer.concat(parts);
}

/** Marks the message deleted; the server removes it only when QUIT succeeds (RFC 1939 6). */
export async function deleteMessage(connection: Pop3Connection, number: number): Promise<void> {
  await connection.command(`DELE ${number}`);
}

/** QUIT and wait for its +OK: only then are the session's DELEs done (UPDATE state). */
export async function quit(connection: Pop3Connection): Promise<void> {
  try {
    await connection.command("QUIT");
  } finally {
    connection.close();
  }
}
