"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { confirmingMutation } from "@/components/api-client/confirming-mutation";
import { QueryStatus } from "@/components/api-client/query-status";
import { errorMessage, requestJson } from "@/components/api-client/request-json";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { CopyButton } from "@/components/ui/copy-button";
import { Dialog, DialogActions, DialogCancelOrConfirm } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableBody, TableCell, TableColumns } from "@/components/ui/table";
import { Timestamp } from "@/components/ui/timestamp";
import type { UserListItem } from "@/lib/users/manage-users";

const USERS_KEY = ["users"];
type Role = UserListItem["role"];

/** Settings › Users: who can sign in, as what; create, change role, disable, reset password. */
export function UsersScreen({ currentUserId }: { currentUserId: string }) {
  const queryClient = useQueryClient();
  const users = useQuery({
    queryKey: USERS_KEY,
    queryFn: () => requestJson<{ users: UserListItem[] }>("/api/users").then((body) => body.users),
  });
  const [creating, setCreating] = useState(false);
  const [disabling, setDisabling] = useState<UserListItem | null>(null);
  const [resetting, setResetting] = useState<UserListItem | null>(null);
  const [shownPassword, setShownPassword] = useState<{ email: string; password: string } | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: USERS_KEY });
  /** A user was created or a password reset: the dialog closes and a generated password is shown once. */
  const passwordSet = (email: string, generatedPassword: string | null) => {
    setCreating(false);
    setResetting(null);
    if (generatedPassword) setShownPassword({ email, password: generatedPassword });
    return refresh();
  };

  const update = useMutation({
    mutationFn: ({ id, change }: { id: string; change: { role?: Role; disabled?: boolean } }) =>
      requestJson(`/api/users/${encodeURIComponent(id)}`, { method: "PATCH", body: change }),
    onSuccess: () => {
      setDisabling(null);
      return refresh();
    },
  });

  return (
    <div className="space-y-6">
      <PageHeader
        title="Users"
        description="Who can sign in. Disabled users cannot sign in, are signed out everywhere, and their API keys stop working."
        actions={
          <Button variant="primary" onClick={() => setCreating(true)}>
            Create user
          </Button>
        }
      />
      {update.error && !disabling && <Alert tone="error">{errorMessage(update.error)}</Alert>}
      <QueryStatus query={users} loading="Loading users…" />
      {users.isSuccess && (
        <div className="overflow-x-auto">
          <Table aria-label="Users" className="min-w-[46rem]">
            <TableColumns columns={["Email", "Role", "Status", "Created", "Last seen"]} actions />
            <TableBody>
              {users.data.map((user) => (
                <tr key={user.id}>
                  <TableCell className="font-medium">
                    {user.email}
                    {user.id === currentUserId && (
                      <span className="ml-2 text-xs text-zinc-600 dark:text-zinc-400">(you)</span>
                    )}
                  </TableCell>
                  <TableCell>
                    <Select
                      aria-label={`Role of ${user.email}`}
                      value={user.role}
                      disabled={update.isPending}
                      onChange={(event) => update.mutate({ id: user.id, change: { role: event.target.value as Role } })}
                      className="h-8 w-28"
                    >
                      <option value="member">member</option>
                      <option value="admin">admin</option>
                    </Select>
                  </TableCell>
                  <TableCell>
                    {user.disabledAt ? <Badge tone="danger">disabled</Badge> : <Badge tone="success">active</Badge>}
                  </TableCell>
                  <TableCell>
                    <Timestamp value={user.createdAt} />
                  </TableCell>
                  <TableCell>
                    <Timestamp value={user.lastSeenAt} withTime fallback="—" />
                  </TableCell>
                  <TableCell>
                    <div className="flex justify-end gap-1" role="group" aria-label={`Actions for ${user.email}`}>
                      <Button size="sm" variant="ghost" onClick={() => setResetting(user)}>
                        Reset password
                      </Button>
                      {user.disabledAt ? (
                        <Button
                          size="sm"
                          variant="ghost"
                          onClick={() => update.mutate({ id: user.id, change: { disabled: false } })}
                        >
                          Enable
                        </Button>
                      ) : (
                        user.id !== currentUserId && (
                          <Button size="sm" variant="ghost" onClick={() => setDisabling(user)}>
                            Disable
                          </Button>
                        )
                      )}
                    </div>
                  </TableCell>
                </tr>
              ))}
            </TableBody>
          </Table>
        </div>
      )}

      <CreateUserDialog open={creating} onClose={() => setCreating(false)} onCreated={passwordSet} />
      <ResetPasswordDialog user={resetting} onClose={() => setResetting(null)} onReset={passwordSet} />
      <ConfirmDialog
        open={disabling !== null}
        {...confirmingMutation(update, () => setDisabling(null))}
        title={`Disable ${disabling?.email ?? "user"}?`}
        description="They are signed out everywhere, cannot sign in, and their API keys stop working until you enable them again."
        confirmLabel="Disable user"
        onConfirm={() => disabling && update.mutate({ id: disabling.id, change: { disabled: true } })}
      />
      <Dialog open={shownPassword !== null} onClose={() => setShownPassword(null)} title="The new password">
        {shownPassword && (
          <div className="space-y-4">
            <Alert tone="warning">
              Give this password to {shownPassword.email} now. It won&apos;t be shown again; they can change it in
              Settings.
            </Alert>
            <div className="flex gap-2">
              <Input
                readOnly
                value={shownPassword.password}
                aria-label="Generated password"
                className="font-mono text-[13px]"
                onFocus={(event) => event.currentTarget.select()}
              />
              <CopyButton value={shownPassword.password} variant="primary" />
            </div>
            <DialogActions>
              <Button onClick={() => setShownPassword(null)}>Done</Button>
            </DialogActions>
          </div>
        )}
      </Dialog>
    </div>
  );
}

function CreateUserDialog({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (email: string, generatedPassword: string | null) => Promise<unknown>;
}) {
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [role, setRole] = useState<Role>("member");
  const create = useMutation({
    mutationFn: () =>
      requestJson<{ user: { email: string }; generatedPassword: string | null }>("/api/users", {
        method: "POST",
        body: { email, role, ...(password ? { password } : {}) },
      }),
    onSuccess: (body) => {
      setEmail("");
      setPassword("");
      setRole("member");
      return onCreated(body.user.email, body.generatedPassword);
    },
  });
  return (
    <Dialog open={open} onClose={onClose} title="Create user">
      <form
        className="space-y-4"
        onSubmit={(event) => {
          event.preventDefault();
          create.mutate();
        }}
      >
        {create.error && <Alert tone="error">{errorMessage(create.error)}</Alert>}
        <Field label="Email">
          {(control) => (
            <Input {...control} type="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
          )}
        </Field>
        <PasswordOrGeneratedField label="Initial password" value={password} onChange={setPassword} />
        <Field label="Role">
          {(control) => (
            <Select {...control} value={role} onChange={(e) => setRole(e.target.value as Role)}>
              <option value="member">member</option>
              <option value="admin">admin</option>
            </Select>
          )}
        </Field>
        <DialogCancelOrConfirm onCancel={onClose} confirmLabel="Create user" pending={create.isPending} />
      </form>
    </Dialog>
  );
}

function ResetPasswordDialog({
  user,
  onClose,
  onReset,
}: {
  user: UserListItem | null;
  onClose: () => void;
  onReset: (email: string, generatedPassword: string | null) => Promise<unknown>;
}) {
  const [password, setPassword] = useState("");
  const reset = useMutation({
    mutationFn: (target: UserListItem) =>
      requestJson<{ generatedPassword: string | null }>(`/api/users/${encodeURIComponent(target.id)}/password`, {
        method: "POST",
        body: password ? { password } : {},
      }),
    onSuccess: (body, target) => {
      setPassword("");
      return onReset(target.email, body.generatedPassword);
    },
  });
  return (
    <Dialog
      open={user !== null}
      onClose={onClose}
      title={`Reset the password of ${user?.email ?? ""}`}
      description="They are signed out everywhere and sign in with the new password."
    >
      <form
        className="space-y-4"
        onSubmit={(event) => {
          event.preventDefault();
          if (user) reset.mutate(user);
        }}
      >
        {reset.error && <Alert tone="error">{errorMessage(reset.error)}</Alert>}
        <PasswordOrGeneratedField label="New password" value={password} onChange={setPassword} />
        <DialogCancelOrConfirm
          onCancel={onClose}
          confirmLabel="Reset password"
          pending={reset.isPending}
          variant="danger"
        />
      </form>
    </Dialog>
  );
}

/** A password the admin types, or leaves empty to have the server generate one. */
function PasswordOrGeneratedField({
  label,
  value,
  onChange,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <Field label={label} optional hint="Leave empty to generate one, shown to you once.">
      {(control) => (
        <Input
          {...control}
          type="password"
          autoComplete="new-password"
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </Field>
  );
}
