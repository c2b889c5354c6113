import { Card } from "@/components/ui/card";
import { LoadingScreen, Skeleton } from "@/components/ui/skeleton";

/** Shaped like the deals list: header, filter bar, totals strip and rows. */
export default function DealsLoading() {
  return (
    <LoadingScreen label="Loading deals…" title="w-32" description="w-64" action="w-28">
      <div className="mb-5 flex flex-wrap gap-2">
        <Skeleton className="h-9 min-w-60 flex-1" />
        <Skeleton className="h-9 w-32" />
        <Skeleton className="hidden h-9 w-44 md:block" />
        <Skeleton className="hidden h-9 w-44 md:block" />
      </div>
      <Card className="overflow-hidden">
        <div className="grid grid-cols-3 gap-6 border-b border-zinc-200 px-5 py-3 dark:border-zinc-800">
          {[0, 1, 2].map((i) => (
            <div key={i} className="space-y-2">
              <Skeleton className="h-3 w-16" />
              <Skeleton className="h-5 w-24" />
            </div>
          ))}
        </div>
        <div className="divide-y divide-zinc-100 dark:divide-zinc-800">
          {Array.from({ length: 8 }, (_, i) => (
            <div key={i} className="flex items-center gap-4 px-5 py-3.5">
              <div className="flex-1 space-y-2">
                <Skeleton className="h-4 w-2/3 max-w-72" />
                <Skeleton className="h-3 w-1/3 max-w-40" />
              </div>
              <Skeleton className="hidden h-4 w-20 md:block" />
              <Skeleton className="hidden h-4 w-24 sm:block" />
              <Skeleton className="h-5 w-20 rounded-full" />
            </div>
          ))}
        </div>
      </Card>
    </LoadingScreen>
  );
}
