import { PagePlaceholder } from "@/components/app-shell/page-placeholder";

export const metadata = { title: "Sessions" };

export default function SessionsPage() {
  return (
    <PagePlaceholder title="Sessions">
      Saved playground conversations, shareable by link and forkable. Not built yet.
    </PagePlaceholder>
  );
}
