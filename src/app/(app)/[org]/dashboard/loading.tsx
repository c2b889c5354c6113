import { Card } from "@/components/ui/card";
import { LoadingScreen, Skeleton } from "@/components/ui/skeleton";

/** Shaped like the dashboard: header, filter bar, KPI cards and two chart cards. */
export default function DashboardLoading() {
  return (
    <LoadingScreen label="Loading the dashboard…" title="w-40" description="w-96">
      <div className="mb-6 flex flex-wrap gap-2">
        <Skeleton className="h-9 w-44" />
        <Skeleton className="h-9 w-44" />
        <Skeleton className="hidden h-9 w-44 sm:block" />
        <Skeleton className="hidden h-9 w-48 sm:block" />
      </div>
      <div className="mb-3 grid grid-cols-1 gap-3 sm:grid-cols-2 xl:grid-cols-4">
        {Array.from({ length: 4 }, (_, i) => (
          <Card key={i} className="space-y-3 p-4">
            <Skeleton className="h-4 w-28" />
            <Skeleton className="h-7 w-36" />
            <Skeleton className="h-3 w-24" />
          </Card>
        ))}
      </div>
      <div className="mb-6 grid grid-cols-2 gap-3 lg:grid-cols-3 xl:grid-cols-5">
        {Array.from({ length: 5 }, (_, i) => (
          <Card key={i} className="space-y-3 p-4">
            <Skeleton className="h-4 w-24" />
            <Skeleton className="h-7 w-20" />
          </Card>
        ))}
      </div>
      <div className="grid grid-cols-1 gap-6 xl:grid-cols-2">
        {[0, 1].map((i) => (
          <Card key={i} className="space-y-4 p-5">
            <Skeleton className="h-4 w-40" />
            <Skeleton className="h-56 w-full" />
          </Card>
        ))}
      </div>
    </LoadingScreen>
  );
}
