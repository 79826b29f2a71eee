import { adminOverview } from "@/lib/admin/admin-overview";
import { jsonError } from "@/lib/http/json-error";
import { adminSession } from "../../../admin/admin-session";

/** The admin page's figures as JSON, for ADMIN_EMAILS only: anyone else gets 404, as for the page. */
export async function GET(): Promise<Response> {
  if (!(await adminSession())) return jsonError(404, "NOT_FOUND", "Not found.");
  return Response.json(await adminOverview(), { headers: { "Cache-Control": "private, no-store" } });
}

export const dynamic = "force-dynamic";
