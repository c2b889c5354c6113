import { redirect } from "next/navigation";

type OrgPageProps = { params: Promise<{ org: string }> };

/** The org's front door is the rep's Today queue: the next actions due. */
export default async function OrgHomePage({ params }: OrgPageProps) {
  const { org } = await params;
  redirect(`/${org}/today`);
}
