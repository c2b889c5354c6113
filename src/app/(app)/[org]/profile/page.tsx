import type { Metadata } from "next";

import { PasswordForm } from "@/components/profile/password-form";
import { ProfileForm } from "@/components/profile/profile-form";
import { ThemePreference } from "@/components/profile/theme-preference";
import { SettingsSection } from "@/components/settings/settings-section";
import { PageHeader } from "@/components/shell/page-header";
import { SignOutButton } from "@/components/shell/sign-out-button";
import { Card } from "@/components/ui/card";
import { getPageTenant } from "@/server/page-context";

export const metadata: Metadata = { title: "Profile" };

type ProfilePageProps = { params: Promise<{ org: string }> };

/** The signed-in user's own account. Under the org's URL only to keep the shell; nothing here belongs to the org. */
export default async function ProfilePage({ params }: ProfilePageProps) {
  const { org: slug } = await params;
  // The tenant query has read the user's name and email (and checked the session) already.
  const ctx = await getPageTenant(slug);

  return (
    <>
      <PageHeader title="Your profile" description="Your account is the same in every organization you belong to." />
      <div className="space-y-6">
        <Card>
          <ProfileForm initial={{ name: ctx.userName, email: ctx.userEmail }} />
          <PasswordForm email={ctx.userEmail} />
        </Card>
        <Card>
          <SettingsSection title="Appearance" description="Kept in this browser.">
            <ThemePreference />
          </SettingsSection>
          <SettingsSection
            title="Sessions"
            description="Signs you out here and on every other device and browser, a copied session included."
            last
          >
            <div className="w-fit">
              <SignOutButton label="Sign out everywhere" />
            </div>
          </SettingsSection>
        </Card>
      </div>
    </>
  );
}
