import { Card, CardBody } from "@/components/ui/card";
import { LoadingScreen, Skeleton } from "@/components/ui/skeleton";

/**
 * Shown inside the shell while a settings page loads, shaped like a typical page. Every other page
 * has a loading skeleton of its own: one at the org level would be rendered (and streamed) on
 * every request beside the page's own, for nothing.
 */
export default function SettingsLoading() {
  return (
    <LoadingScreen label="Loading settings…" title="w-64" description="w-96">
      <div className="grid gap-6 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          <CardBody className="space-y-4">
            <Skeleton className="h-4 w-40" />
            {Array.from({ length: 5 }, (_, i) => (
              <div key={i} className="grid grid-cols-3 gap-4">
                <Skeleton className="h-4" />
                <Skeleton className="col-span-2 h-4" />
              </div>
            ))}
          </CardBody>
        </Card>
        <Card>
          <CardBody className="space-y-3">
            <Skeleton className="h-4 w-24" />
            <Skeleton className="h-5 w-16 rounded-full" />
            <Skeleton className="h-4 w-full" />
            <Skeleton className="h-4 w-3/4" />
          </CardBody>
        </Card>
      </div>
    </LoadingScreen>
  );
}
