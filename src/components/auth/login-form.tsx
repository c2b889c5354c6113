"use client";

import { useState } from "react";
import type { z } from "zod";

import { signInAction } from "@/actions/auth";
import { FormAlert } from "@/components/forms/form-messages";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Card, CardBody } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { signInSchema } from "@/lib/schemas/members";

export function LoginForm({ demo }: { demo: { email: string; password: string } | null }) {
  // Stays true after success until the browser has left the page, so the button cannot be pressed twice.
  const [leaving, setLeaving] = useState(false);
  const form = useActionForm({
    action: (input: z.input<typeof signInSchema>) => signInAction(input),
    schema: signInSchema,
    // The refusal is shown above the fields; a toast would say it twice.
    failureToast: false,
    onSuccess: ({ redirectTo }) => {
      setLeaving(true);
      // A full navigation (not next-auth's callbackUrl, which may name another host) so the new
      // session cookie is sent with the very next request.
      window.location.assign(redirectTo);
    },
    onFailure: (failure) => {
      if (failure.fieldErrors) return;
      const password = form.formProps.ref.current?.elements.namedItem("password");
      if (!(password instanceof HTMLInputElement)) return;
      // Too many attempts ("Try again in N seconds."): the password may well be right, so it stays
      // for the retry. Wrong password: keep the email, clear the password, and put the cursor there.
      if (failure.code !== "RATE_LIMITED") password.value = "";
      password.focus();
    },
  });
  const busy = form.pending || leaving;

  return (
    <div className="space-y-6">
      <div className="space-y-1 text-center">
        <h1 className="text-xl font-semibold tracking-tight text-zinc-900 dark:text-zinc-50">Sign in to Momentum</h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">Welcome back. Your next actions are waiting.</p>
      </div>

      <Card>
        <CardBody className="p-6">
          <form {...form.formProps} className="space-y-4" aria-label="Sign in">
            <FormAlert form={form} />
            <Field label="Email" {...form.field("email")}>
              {(control) => <Input {...control} type="email" autoComplete="username" autoFocus required />}
            </Field>
            <Field label="Password" {...form.field("password")}>
              {(control) => <Input {...control} type="password" autoComplete="current-password" required />}
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
