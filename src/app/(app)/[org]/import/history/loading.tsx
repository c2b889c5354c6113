import { Card } from "@/components/ui/card";
import { LoadingScreen, Skeleton } from "@/components/ui/skeleton";

export default function ImportHistoryLoading() {
  return (
    <LoadingScreen label="Loading the import history…" title="w-44" description="w-96" action="w-32">
      <Card className="divide-y divide-zinc-100 dark:divide-zinc-800">
        {Array.from({ length: 6 }, (_, i) => (
          <div key={i} className="flex items-center gap-4 px-5 py-4">
            <div className="flex-1 space-y-2">
              <Skeleton className="h-4 w-1/2 max-w-64" />
              <Skeleton className="h-3 w-1/3 max-w-48" />
            </div>
            <Skeleton className="hidden h-4 w-12 sm:block" />
            <Skeleton className="hidden h-4 w-12 sm:block" />
            <Skeleton className="h-5 w-20 rounded-full" />
          </div>
        ))}
      </Card>
    </LoadingScreen>
  );
}
