"use client";

import { ArrowLeft, ArrowRight, RefreshCw } from "lucide-react";

import { Notice } from "@/components/studio/Notice";
import { failureOf, RequestError } from "@/components/studio/RequestError";
import { StepHeader } from "@/components/studio/StepHeader";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { useAutoStart } from "@/hooks/useAutoStart";
import { useMoodGeneration } from "@/hooks/useMoodGeneration";
import { useAppStore } from "@/store/appStore";

import { MoodCard } from "./MoodCard";

function MoodSkeletons() {
  return (
    <div className="grid gap-4 md:grid-cols-3" aria-busy="true" aria-label="Painting moods">
      {[0, 1, 2].map((i) => (
        <Card key={i} className="gap-4 py-4">
          <CardHeader className="px-4">
            <Skeleton className="h-5 w-40" />
          </CardHeader>
          <CardContent className="grid grid-cols-2 gap-1.5 px-4">
            {[0, 1, 2, 3].map((j) => (
              <Skeleton key={j} className="aspect-[9/16] w-full" />
            ))}
          </CardContent>
        </Card>
      ))}
    </div>
  );
}

/** Earlier sets stay one click away: "New moods" never throws a set away. */
function MoodSetPager({
  count,
  index,
  onShow,
}: {
  count: number;
  index: number;
  onShow: (index: number) => void;
}) {
  return (
    <div role="group" aria-label="Mood sets" className="flex flex-wrap items-center gap-2">
      <span className="text-sm text-muted-foreground">Sets:</span>
      {Array.from({ length: count }, (_, i) => (
        <Button
          key={i}
          size="sm"
          variant={i === index ? "secondary" : "ghost"}
          aria-pressed={i === index}
          onClick={() => onShow(i)}
        >
          Set {i + 1}
        </Button>
      ))}
    </div>
  );
}

/** Step 2: three visual directions; the user picks one or asks for three new ones. */
export function MoodGallery() {
  const { moods, selectedMoodId, selectMood, setCount, setIndex, showMoodSet, stale, request, generate } =
    useMoodGeneration();
  const setCurrentStep = useAppStore((s) => s.setCurrentStep);
  const loading = request?.state === "loading";

  // First visit: nothing to choose from yet, so start painting at once.
  useAutoStart(moods.length === 0 && !request, generate);

  return (
    <section aria-labelledby="moods-title">
      <StepHeader
        id="moods-title"
        title="Choose a mood"
        description="Three visual directions for your ad, four reference images each."
        actions={
          <>
            <Button variant="ghost" onClick={() => setCurrentStep(1)}>
              <ArrowLeft aria-hidden /> Vision
            </Button>
            <Button
              variant="outline"
              onClick={() => void generate({ fresh: true })}
              disabled={loading}
            >
              <RefreshCw aria-hidden className={loading ? "animate-spin" : undefined} />
              {moods.length ? "New moods" : "Generate moods"}
            </Button>
            <Button onClick={() => setCurrentStep(3)} disabled={!selectedMoodId || loading}>
              Plan the storyboard <ArrowRight aria-hidden />
            </Button>
          </>
        }
      />
      <div className="grid gap-4">
        {stale && !loading && (
          <Notice actionLabel="Regenerate for the new brief" onAction={() => void generate()}>
            The brief has changed since these moods were made.
          </Notice>
        )}
        <RequestError
          title="The moods could not be made"
          error={failureOf(request)}
          onRetry={() => void generate()}
        />
        {setCount > 1 && !loading && (
          <MoodSetPager count={setCount} index={setIndex} onShow={showMoodSet} />
        )}
        {loading ? (
          <MoodSkeletons />
        ) : moods.length === 0 ? (
          request?.state !== "error" && (
            <p className="text-sm text-muted-foreground">No moods yet.</p>
          )
        ) : (
          <fieldset className="grid min-w-0 gap-4 md:grid-cols-3">
            <legend className="sr-only">Pick one mood</legend>
            {moods.map((mood) => (
              <MoodCard
                key={mood.mood_id}
                mood={mood}
                selected={mood.mood_id === selectedMoodId}
                onSelect={() => selectMood(mood.mood_id)}
              />
            ))}
          </fieldset>
        )}
      </div>
    </section>
  );
}
