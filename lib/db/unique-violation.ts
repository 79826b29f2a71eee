import { Prisma } from "@/lib/generated/prisma/client";

/** Whether a Prisma error is a unique-key violation (P2002), on either engine: the row exists. */
export function isUniqueViolation(e: unknown): boolean {
  return e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002";
}
