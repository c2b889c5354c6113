"use client";

import { type FormEvent, useRef, useState, useTransition } from "react";

import { signInAction } from "@/actions/auth";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardBody } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

type Errors = { email?: string[]; password?: string[] };

export function LoginForm({ demo }: { demo: { email: string; password: string } | null }) {
  const passwordRef = useRef<HTMLInputElement>(null);
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [message, setMessage] = useState<string | null>(null);
  const [errors, setErrors] = useState<Errors>({});
  const [pending, startTransition] = useTransition();
  // Stays true after success until the browser has left the page, so the button cannot be pressed twice.
  const [leaving, setLeaving] = useState(false);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setMessage(null);
    startTransition(async () => {
      let result: Awaited<ReturnType<typeof signInAction>>;
      try {
        result = await signInAction({ email, password });
      } catch {
        setMessage("Could not reach the server. Check your connection and try again.");
        return;
      }
      if (result.ok) {
        setLeaving(true);
        // A full navigation (not next-auth's callbackUrl, which may name another host) so the new
        // session cookie is sent with the very next request.
        window.location.assign(result.data.redirectTo);
        return;
      }
      setErrors(result.fieldErrors ?? {});
      setMessage(result.fieldErrors ? null : result.message);
      if (!result.fieldErrors) {
        // Wrong password or throttled: keep the email, clear the password, and put the cursor back there.
        setPassword("");
        passwordRef.current?.focus();
      }
    });
  }

  const busy = pending || leaving;

  return (
    <div className="space-y-6">
      <div className="space-y-1 text-center">
        <h1 className="text-xl font-semibold tracking-tight text-zinc-900 dark:text-zinc-50">Sign in to Momentum</h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">Welcome back. Your next actions are waiting.</p>
      </div>

      <Card>
        <CardBody className="p-6">
          <form onSubmit={submit} noValidate className="space-y-4" aria-label="Sign in">
            {message ? <Alert tone="error">{message}</Alert> : null}
            <Field label="Email" error={errors.email}>
              {(control) => (
                <Input
                  {...control}
                  type="email"
                  name="email"
                  autoComplete="username"
                  autoFocus
                  required
                  value={email}
                  onChange={(e) => setEmail(e.target.value)}
                />
              )}
            </Field>
            <Field label="Password" error={errors.password}>
              {(control) => (
                <Input
                  {...control}
                  ref={passwordRef}
                  type="password"
                  name="password"
                  autoComplete="current-password"
                  required
                  value={password}
                  onChange={(e) => setPassword(e.target.value)}
                />
              )}
            </Field>
            <Button type="submit" pending={busy} className="w-full">
              {busy ? "Signing in…" : "Sign in"}
            </Button>
          </form>
        </CardBody>
      </Card>

      {demo ? (
        <div className="rounded-lg border border-dashed border-zinc-300 px-4 py-3 text-sm text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">
          <p className="font-medium text-zinc-800 dark:text-zinc-200">Trying the demo?</p>
          <p className="mt-1">
            Demo: <span className="font-mono whitespace-nowrap text-zinc-900 dark:text-zinc-100">{demo.email}</span> /{" "}
            <span className="font-mono whitespace-nowrap text-zinc-900 dark:text-zinc-100">{demo.password}</span>
          </p>
        </div>
      ) : null}
    </div>
  );
}
