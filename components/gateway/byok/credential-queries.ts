import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import type { CredentialView } from "@/lib/credentials/credential-view";
import { requestJson } from "@/components/api-client/request-json";

export type ConnectionTestResult = { ok: boolean; message: string; latencyMs: number };

export const credentialsQueryOptions = () =>
  queryOptions({
    queryKey: ["credentials"],
    queryFn: async () => (await requestJson<{ credentials: CredentialView[] }>("/api/credentials")).credentials,
  });

function useInvalidateCredentials() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: credentialsQueryOptions().queryKey });
}

export function useCreateCredential() {
  const invalidate = useInvalidateCredentials();
  return useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      requestJson<{ credential: CredentialView }>("/api/credentials", { method: "POST", body }),
    onSuccess: invalidate,
  });
}

export function useUpdateCredential() {
  const invalidate = useInvalidateCredentials();
  return useMutation({
    mutationFn: ({ id, changes }: { id: string; changes: Record<string, unknown> }) =>
      requestJson<{ credential: CredentialView }>(`/api/credentials/${encodeURIComponent(id)}`, {
        method: "PATCH",
        body: changes,
      }),
    onSuccess: invalidate,
  });
}

export function useDeleteCredential() {
  const invalidate = useInvalidateCredentials();
  return useMutation({
    mutationFn: (id: string) => requestJson<void>(`/api/credentials/${encodeURIComponent(id)}`, { method: "DELETE" }),
    onSuccess: invalidate,
  });
}

export function useTestCredential() {
  return useMutation({
    mutationFn: (id: string) =>
      requestJson<ConnectionTestResult>(`/api/credentials/${encodeURIComponent(id)}/test`, { method: "POST" }),
  });
}
