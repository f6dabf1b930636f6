// Offers a downloaded new version. Applying reloads the page, so it is never offered while a form
// is open: the person finishes (or leaves) the form first. Drafts would survive, but a reload in
// the middle of typing is still a surprise.
import { useEffect, useState } from 'react';
import { Button } from '../shared/ui';
import { applyUpdate, onNeedRefresh } from './register-sw';

export function UpdatePrompt({ formOpen }: { formOpen: boolean }) {
  const [waiting, setWaiting] = useState(false);
  useEffect(() => onNeedRefresh(() => setWaiting(true)), []);
  if (!waiting) return null;
  return (
    <div className="update-banner" role="status">
      {formOpen ? (
        <span>A new version of Fieldnote is ready. It installs when you leave this form.</span>
      ) : (
        <>
          <span>A new version of Fieldnote is ready.</span>
          <Button variant="primary" onClick={() => void applyUpdate()}>
            Update now
          </Button>
        </>
      )}
    </div>
  );
}
