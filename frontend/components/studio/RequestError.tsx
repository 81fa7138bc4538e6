import { AlertCircle, RefreshCw } from "lucide-react";

import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { RequestStatus } from "@/store/types";
import type { ErrorInfo } from "@/types/shared.types";

/** The error of a tracked request, if it failed. */
export function failureOf(status: RequestStatus | undefined): ErrorInfo | null {
  return status?.state === "error" ? (status.error ?? null) : null;
}

/** A failed request: what went wrong, in the backend's words, and a way to try again.
 * Renders nothing when there is no error. */
export function RequestError({
  title,
  error,
  onRetry,
  retryLabel = "Try again",
}: {
  title: string;
  error: ErrorInfo | null | undefined;
  onRetry?: () => void;
  retryLabel?: string;
}) {
  if (!error) return null;
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
