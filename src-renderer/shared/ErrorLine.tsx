/** A failure to show under a form, announced to screen readers; nothing when there is none. */
export function ErrorLine({ error, testId }: { error: string | null; testId?: string }) {
  if (!error) return null;
  return (
    <p className="dialog-error" role="alert" data-testid={testId}>
      {error}
    </p>
  );
}
