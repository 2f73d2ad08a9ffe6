import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import type { ApiKeyView } from "@/lib/api-keys/api-key-view";
import { requestJson } from "@/components/api-client/request-json";

export const apiKeysQueryOptions = () =>
  queryOptions({
    queryKey: ["api-keys"],
    queryFn: async () => (await requestJson<{ apiKeys: ApiKeyView[] }>("/api/api-keys")).apiKeys,
  });

export function useCreateApiKey() {
  const queryClient = useQueryClient();
  return useMutation({
    // The result holds the plaintext key: drop it from the mutation cache as soon as nobody watches.
    gcTime: 0,
    mutationFn: (body: { name: string; expiresAt: string | null }) =>
      requestJson<{ key: string; apiKey: ApiKeyView }>("/api/api-keys", { method: "POST", body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apiKeysQueryOptions().queryKey }),
  });
}

export function useRevokeApiKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      requestJson<{ apiKey: ApiKeyView }>(`/api/api-keys/${encodeURIComponent(id)}/revoke`, { method: "POST" }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apiKeysQueryOptions().queryKey }),
  });
}
