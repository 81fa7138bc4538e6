import { AlertCircle, RefreshCw } from "lucide-react";

import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { ErrorInfo } from "@/types/shared.types";

/** A failed request: what went wrong, in the backend's words, and a way to try again. */
export function RequestError({
  title,
  error,
  onRetry,
  retryLabel = "Try again",
}: {
  title: string;
  error: ErrorInfo;
  onRetry?: () => void;
  retryLabel?: string;
}) {
  return (
    <Alert variant="destructive" data-error-code={error.code}>
      <AlertCircle aria-hidden />
      <AlertTitle>{title}</AlertTitle>
      <AlertDescription>
        <p>{error.message}</p>
        {onRetry && (
          <Button size="sm" variant="outline" className="mt-2" onClick={onRetry}>
            <RefreshCw aria-hidden /> {retryLabel}
          </Button>
        )}
      </AlertDescription>
    </Alert>
  );
}
