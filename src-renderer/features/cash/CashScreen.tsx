import { BackOfficePage } from '../backoffice/BackOfficePage';

/** Placeholder until the issue 5 work fills it. */
export function CashScreen() {
  return (
    <BackOfficePage title="CashScreen" testId="cash-screen">
      {null}
    </BackOfficePage>
  );
}
