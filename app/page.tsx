import { redirect } from "next/navigation";
import { getMailSession } from "@/auth";

export default async function Home() {
  redirect((await getMailSession()) ? "/mail" : "/login");
}
