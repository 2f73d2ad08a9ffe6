import { SessionsScreen } from "@/components/sessions/sessions-screen";

export const metadata = { title: "Sessions" };

export default function SessionsPage() {
  return <SessionsScreen />;
}
