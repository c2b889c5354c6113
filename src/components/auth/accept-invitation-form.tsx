"use client";

import Link from "next/link";
import { type FormEvent, useState, useTransition } from "react";

import { acceptInvitationAction } from "@/actions/auth";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardBody } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { acceptInvitationSchema } from "@/lib/schemas/members";

type Errors = { name?: string[]; password?: string[] };

export function AcceptInvitationForm({ token, email }: { token: string; email: string }) {
  const [name, setName] = useState("");
  const [password, setPassword] = useState("");
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<{ message: string; code: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const [leaving, setLeaving] = useState(false);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFailure(null);
    // Same schema as the action: the name and the 10-character minimum are checked before the round trip.
    const parsed = acceptInvitationSchema.safeParse({ token, name, password });
    if (!parsed.success) {
      const next: Errors = {};
      for (const issue of parsed.error.issues) {
        const key = issue.path[0];
        if (key === "name" || key === "password") (next[key] ??= []).push(issue.message);
      }
      setErrors(next);
      if (Object.keys(next).length === 0) setFailure({ message: "This invitation link is malformed.", code: "VALIDATION" });
      return;
    }
    setErrors({});
    startTransition(async () => {
      const result = await acceptInvitationAction({ token, name, password });
      if (result.ok) {
        setLeaving(true);
        window.location.assign(result.data.redirectTo);
        return;
      }
      setErrors((result.fieldErrors ?? {}) as Errors);
      if (!result.fieldErrors) setFailure({ message: result.message, code: result.code });
    });
  }

  const busy = pending || leaving;

  return (
    <Card>
      <CardBody className="p-6">
        <form onSubmit={submit} noValidate className="space-y-4" aria-label="Accept invitation">
          {failure ? (
            <Alert tone="error">
              {failure.message}
              {failure.code === "CONFLICT" ? (
                <>
                  {" "}
                  <Link href="/login" className="font-medium underline underline-offset-2">
                    Sign in
                  </Link>
                </>
              ) : null}
            </Alert>
          ) : null}
          <Field label="Email">{(control) => <Input {...control} type="email" value={email} readOnly autoComplete="username" />}</Field>
          <Field label="Your name" error={errors.name}>
            {(control) => (
              <Input {...control} name="name" autoComplete="name" autoFocus value={name} onChange={(e) => setName(e.target.value)} />
            )}
          </Field>
          <Field label="Password" error={errors.password} hint="At least 10 characters.">
            {(control) => (
              <Input
                {...control}
                type="password"
                name="password"
                autoComplete="new-password"
                minLength={10}
                value={password}
                onChange={(e) => setPassword(e.target.value)}
              />
            )}
          </Field>
          <Button type="submit" pending={busy} className="w-full">
            {busy ? "Joining…" : "Create account and join"}
          </Button>
        </form>
      </CardBody>
    </Card>
  );
}
