import { BackOfficePage } from '../backoffice/BackOfficePage';

/** Placeholder until the issue 5 work fills it. */
export function UsersScreen() {
  return (
    <BackOfficePage title="UsersScreen" testId="users-screen">
      {null}
    </BackOfficePage>
  );
}
