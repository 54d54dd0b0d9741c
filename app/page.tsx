import { redirect } from "next/navigation";
import { currentSession } from "@/server/auth/current-user";

export const dynamic = "force-dynamic";

export default async function Home() {
  redirect((await currentSession()) ? "/worklist" : "/login");
}
