// The header's sync status: always visible, a link to the sync page, in words (never colour alone;
// shorter words on a phone, the full ones for screen readers).
// Screen readers hear a polite announcement when the state changes, not every progress tick.
import { useState } from 'react';
import { Link } from '../../shared/navigation';
import { paths } from '../../shared/paths';
import { useServices, useSyncStatus } from '../../shared/services';
import { indicatorOf, type IndicatorKind } from './indicator';
import { useTick } from './useTick';
import './sync.css';

const GLYPH: Readonly<Record<IndicatorKind, string>> = {
  signed_out: '!',
  attention: '!',
  syncing: '↻',
  offline: '○',
  pending: '↑',
  synced: '✓',
  never: '○',
};

export function SyncIndicator() {
  const services = useServices();
  const status = useSyncStatus((s) => s);
  useTick(30_000);
  const indicator = indicatorOf(status, services.now());
  // Announced only when the kind changes (not on the first render, nor on each tick).
  const [spoken, setSpoken] = useState({ kind: indicator.kind, announcement: '' });
  if (spoken.kind !== indicator.kind) {
    setSpoken({ kind: indicator.kind, announcement: indicator.announcement });
  }

  const alarming = indicator.kind === 'attention' || indicator.kind === 'signed_out';
  return (
    <>
      <Link
        className={`sync-indicator${alarming ? ' sync-indicator-attention' : ''}`}
        to={paths.sync()}
      >
        <span className="sync-indicator-glyph" aria-hidden="true">
          {GLYPH[indicator.kind]}
        </span>
        <span className="visually-hidden">Sync:</span>{' '}
        <span className="sync-indicator-text">{indicator.text}</span>
        {/* On a phone: the state in a few words (the full words stay the link's name). */}
        <span className="sync-indicator-short" aria-hidden="true">
          {indicator.short}
        </span>
      </Link>
      <span className="visually-hidden" role="status" aria-live="polite">
        {spoken.announcement}
      </span>
    </>
  );
}
