import { ApiError, OfflineError } from '../api/http';

/** An error as the hub put it, with what to do about it. */
export function ErrorNote({ error, retry }: { error: unknown; retry?: () => void }) {
  if (!error) return null;
  const text =
    error instanceof ApiError || error instanceof OfflineError
      ? error.message
      : error instanceof Error
        ? `Something went wrong: ${error.message}`
        : 'Something went wrong.';
  return (
    <div class="error-note" role="alert">
      {text}
      {retry ? (
        <button type="button" class="link" onClick={retry}>
          Try again
        </button>
      ) : null}
    </div>
  );
}
