// Enter Data As: the person picks which of their providers (HMIS projects) the records they
// create belong to. Shown after sign-in when they belong to more than one provider.
import { useState, type FormEvent } from 'react';
import type { ProviderSummary } from '../../db';
import { Alert, Button, ErrorSummary, Page, RadioGroup, type FieldError } from '../../shared/ui';
import { providerLabel } from './providers';
import './session.css';

export interface ChooseProviderPageProps {
  displayName: string;
  providers: ProviderSummary[];
  current: string | null;
  onChoose(providerId: string): Promise<void>;
}

const GROUP_ID = 'choose-provider';

export function ChooseProviderPage(props: ChooseProviderPageProps) {
  const [chosen, setChosen] = useState<string | null>(
    props.providers.some((p) => p.id === props.current) ? props.current : null,
  );
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (!chosen) {
      setErrors([{ fieldId: GROUP_ID, message: 'Choose the provider you enter data as' }]);
      return;
    }
    setErrors([]);
    setFailure(null);
    setBusy(true);
    try {
      await props.onChoose(chosen);
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="shell-main session-main" id="main">
      <Page title="Enter data as" subtitle={`Signed in as ${props.displayName}`}>
        <p>
          The records you create belong to the project of the provider you enter data as, so pick
          the one you are working for today.
        </p>
        <p className="muted">You can switch later on your account page.</p>
        {props.providers.length === 0 ? (
          <Alert tone="warning" title="You are not part of any provider yet">
            <p>Ask your Fieldnote administrator to add you to your provider, then sign in again.</p>
          </Alert>
        ) : (
          <form autoComplete="off" className="section" onSubmit={(e) => void submit(e)} noValidate>
            <ErrorSummary errors={errors} />
            {failure ? (
              <Alert tone="error" title="Not saved">
                <p>{failure}</p>
              </Alert>
            ) : null}
            <RadioGroup
              id={GROUP_ID}
              label="Provider"
              required
              value={chosen}
              options={props.providers.map((p) => ({ value: p.id, label: providerLabel(p) }))}
              onChange={(value) => {
                setChosen(value);
                setErrors([]);
              }}
              error={errors[0]?.message ?? null}
            />
            <div className="button-row">
              <Button type="submit" variant="primary" busy={busy}>
                Continue
              </Button>
            </div>
          </form>
        )}
      </Page>
    </main>
  );
}
