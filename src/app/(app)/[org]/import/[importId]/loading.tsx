import { Card } from "@/components/ui/card";
import { LoadingScreen, Skeleton } from "@/components/ui/skeleton";

/** Shaped like the mapping screen: header, the column list, the options. */
export default function ImportDetailLoading() {
  return (
    <LoadingScreen label="Loading the import…" title="w-56" description="w-72">
      <Card className="mb-6 divide-y divide-zinc-100 dark:divide-zinc-800">
        {Array.from({ length: 6 }, (_, i) => (
          <div key={i} className="flex items-center gap-4 px-5 py-3">
            <Skeleton className="h-4 w-32" />
            <Skeleton className="hidden h-4 flex-1 sm:block" />
            <Skeleton className="h-9 w-48" />
          </div>
        ))}
      </Card>
      <Card className="space-y-3 p-5">
        <Skeleton className="h-4 w-24" />
        <Skeleton className="h-16 w-full" />
      </Card>
    </LoadingScreen>
  );
}
