import type { Metadata } from "next";
import { redirect } from "next/navigation";

import { LoginForm } from "@/components/auth/login-form";
import { currentActor } from "@/server/actor";
import { databaseContext } from "@/server/data/context";
import { demoLoginHint } from "@/server/data/demo-login";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage() {
  if (await currentActor()) redirect("/");
  return <LoginForm demo={await demoLoginHint(databaseContext())} />;
}
