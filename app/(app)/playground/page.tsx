import { PagePlaceholder } from "@/components/app-shell/page-placeholder";

export const metadata = { title: "Playground" };

export default function PlaygroundPage() {
  return (
    <PagePlaceholder title="Playground">
      Chat with Claude through this gateway: model picker, streaming, thinking, caching and attachments. Not built yet.
    </PagePlaceholder>
  );
}
