import type { Metadata } from "next";
import { redirect } from "next/navigation";

import { LoginForm } from "@/components/auth/login-form";
import { currentVerifiedActor } from "@/server/actor";
import { databaseContext } from "@/server/data/context";
import { demoLoginHint } from "@/server/data/demo-login";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage() {
  // Verified: a signed-out copy of the cookie must get the form, not a redirect back to a page that refuses it.
  if (await currentVerifiedActor()) redirect("/");
  return <LoginForm demo={await demoLoginHint(databaseContext())} />;
}
