import { BackOfficePage } from '../backoffice/BackOfficePage';

/** Placeholder until the issue 5 work fills it. */
export function AuditScreen() {
  return (
    <BackOfficePage title="AuditScreen" testId="audit-screen">
      {null}
    </BackOfficePage>
  );
}
