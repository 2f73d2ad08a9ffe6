import { headers } from "next/headers";
import { QuickstartScreen } from "@/components/view-code/quickstart-screen";

export const metadata = { title: "Quickstart · AI Gateway" };

export default async function QuickstartPage() {
  const requestHeaders = await headers();
  const host = requestHeaders.get("x-forwarded-host") ?? requestHeaders.get("host") ?? "localhost:3000";
  const protocol = requestHeaders.get("x-forwarded-proto") ?? "http";
  return <QuickstartScreen serverOrigin={`${protocol}://${host}`} />;
}
