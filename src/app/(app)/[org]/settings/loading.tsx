import { Card, CardBody } from "@/components/ui/card";
import { LoadingScreen, Skeleton } from "@/components/ui/skeleton";

/**
 * Shown inside the shell while a settings page loads, shaped like a typical page. Every other page
 * has a loading skeleton of its own: one at the org level would be rendered (and streamed) on
 * every request beside the page's own, for nothing. Kept to a few blocks: a full page load sends
 * it too (as HTML before the page streams in, and in the RSC payload for later navigations).
 */
export default function SettingsLoading() {
  return (
    <LoadingScreen label="Loading settings…" title="w-64" description="w-96">
      <Card>
        <CardBody className="space-y-4">
          <Skeleton className="h-4 w-40" />
          <Skeleton className="h-24" />
          <Skeleton className="h-24" />
        </CardBody>
      </Card>
    </LoadingScreen>
  );
}
