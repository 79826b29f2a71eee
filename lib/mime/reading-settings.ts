import { z } from "zod";
import { defineSetting } from "@/lib/settings/account-settings";

/** Show the plain-text alternative of multipart/alternative mail when there is one (issue 8). */
export const preferPlainText = defineSetting("reading.preferPlainText", z.boolean(), false);
