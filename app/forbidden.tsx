import { ForbiddenNotice } from "@/components/app-shell/forbidden-notice";

/** What `forbidden()` renders (e.g. a member on BYOK): the notice inside the root layout's shell, with a 403 status. */
export default function Forbidden() {
  return <ForbiddenNotice />;
}
