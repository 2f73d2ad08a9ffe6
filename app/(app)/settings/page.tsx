import { PagePlaceholder } from "@/components/app-shell/page-placeholder";

export const metadata = { title: "Settings" };

export default function SettingsPage() {
  return (
    <PagePlaceholder title="Settings">
      Provider credentials (bring your own key), gateway API keys and usage. Not built yet.
    </PagePlaceholder>
  );
}
