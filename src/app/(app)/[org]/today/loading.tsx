import { Card } from "@/components/ui/card";
import { LoadingScreen, Skeleton } from "@/components/ui/skeleton";

/** Shaped like the queue: header, three counts, then sections of rows. */
export default function TodayLoading() {
  return (
    <LoadingScreen label="Loading your queue…" title="w-32" description="w-80">
      <div className="mb-6 grid grid-cols-3 gap-2 sm:gap-4">
        {Array.from({ length: 3 }, (_, i) => (
          <Card key={i} className="space-y-2 px-4 py-3">
            <Skeleton className="h-7 w-10" />
            <Skeleton className="h-4 w-20" />
          </Card>
        ))}
      </div>
      <div className="space-y-6">
        {[4, 3].map((rows, s) => (
          <Card key={s}>
            <div className="border-b border-zinc-200 px-5 py-3 dark:border-zinc-800">
              <Skeleton className="h-4 w-24" />
            </div>
            {Array.from({ length: rows }, (_, i) => (
              <div key={i} className="flex items-center gap-4 px-5 py-4">
                <Skeleton className="hidden size-8 rounded-full sm:block" />
                <div className="flex-1 space-y-2">
                  <Skeleton className="h-4 w-1/2" />
                  <Skeleton className="h-3 w-3/4" />
                </div>
                <Skeleton className="h-8 w-24" />
              </div>
            ))}
          </Card>
        ))}
      </div>
    </LoadingScreen>
  );
}
