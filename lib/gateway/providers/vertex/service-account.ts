import { z } from "zod";

/** The fields of a Google service-account key file the gateway uses. */
export const serviceAccountSchema = z.looseObject({
  type: z.string().optional(),
  client_email: z.string().min(1),
  private_key: z.string().min(1),
  private_key_id: z.string().optional(),
  project_id: z.string().optional(),
});
export type ServiceAccount = z.infer<typeof serviceAccountSchema>;

/** Parses a stored key file; undefined when it is not one (the BYOK form validates on save). */
export function parseServiceAccount(json: string | undefined): ServiceAccount | undefined {
  if (!json) return undefined;
  try {
    const parsed = serviceAccountSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
