import type { Metadata } from "next";
import { redirect } from "next/navigation";

import { LoginForm } from "@/components/auth/login-form";
import { DEMO_PASSWORD } from "@/db/seed/demo-data";
import { env } from "@/env";
import { currentActor } from "@/server/actor";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage() {
  if (await currentActor()) redirect("/");
  // The hint only makes sense where the demo may have been seeded; SEED_DEMO=off marks a real install.
  const demo = env().SEED_DEMO === "auto" ? { email: "mette@momentum.demo", password: DEMO_PASSWORD } : null;
  return <LoginForm demo={demo} />;
}
