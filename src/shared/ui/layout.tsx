// Page structure and feedback: a page's heading takes focus when it opens (screen readers hear
// where they are), alerts are announced, and errors are listed with links to their fields.
import { useEffect, useId, useRef, type ReactNode, type ButtonHTMLAttributes } from 'react';
import { Link } from '../navigation';

export function Page(props: {
  title: string;
  /** A line under the title: the client, the household, … */
  subtitle?: ReactNode;
  back?: { to: string; label: string };
  actions?: ReactNode;
  children: ReactNode;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus({ preventScroll: true });
  }, [props.title]);
  return (
    <div className="page">
      {props.back ? (
        <Link className="page-back" to={props.back.to}>
          <span aria-hidden="true">← </span>
          {props.back.label}
        </Link>
      ) : null}
      <div className="page-head">
        <div>
          <h1 className="page-title" ref={heading} tabIndex={-1}>
            {props.title}
          </h1>
          {props.subtitle ? <div className="page-subtitle">{props.subtitle}</div> : null}
        </div>
        {props.actions ? <div className="page-actions">{props.actions}</div> : null}
      </div>
      {props.children}
    </div>
  );
}

export function Section(props: { title: string; children: ReactNode; actions?: ReactNode }) {
  return (
    <section className="section" aria-label={props.title}>
      <div className="section-head">
        <h2 className="section-title">{props.title}</h2>
        {props.actions}
      </div>
      {props.children}
    </section>
  );
}

type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & {
  variant?: 'primary' | 'secondary' | 'danger' | 'link';
  busy?: boolean;
};

export function Button({
  variant = 'secondary',
  busy,
  type = 'button',
  children,
  ...rest
}: ButtonProps) {
  return (
    <button
      type={type}
      className={`button button-${variant}`}
      aria-busy={busy ? true : undefined}
      disabled={busy || rest.disabled}
      {...rest}
    >
      {children}
    </button>
  );
}

/** A link styled as a button (navigation, not an action). */
export function ButtonLink(props: {
  to: string;
  variant?: 'primary' | 'secondary';
  children: ReactNode;
}) {
  return (
    <Link className={`button button-${props.variant ?? 'secondary'}`} to={props.to}>
      {props.children}
    </Link>
  );
}

export function Alert(props: {
  tone: 'info' | 'success' | 'warning' | 'error';
  title?: string;
  children?: ReactNode;
}) {
  // Errors interrupt (role=alert); everything else is announced politely.
  return (
    <div className={`alert alert-${props.tone}`} role={props.tone === 'error' ? 'alert' : 'status'}>
      {props.title ? <p className="alert-title">{props.title}</p> : null}
      {props.children}
    </div>
  );
}

export interface FieldError {
  /** The id of the control (or fieldset) to focus. */
  fieldId: string;
  message: string;
}

/** The errors of a form submit, announced, each a link to its field. Focused when it appears. */
export function ErrorSummary({ errors }: { errors: readonly FieldError[] }) {
  const box = useRef<HTMLDivElement>(null);
  const shown = errors.length > 0;
  // Focus moves to the summary when it appears (a submit with errors), never while the person
  // fixes them one by one: the list shrinks under their eyes but focus stays in the field.
  useEffect(() => {
    if (shown) box.current?.focus();
  }, [shown]);
  if (!errors.length) return null;
  return (
    <div className="alert alert-error error-summary" role="alert" tabIndex={-1} ref={box}>
      <p className="alert-title">
        {errors.length === 1 ? 'One thing to fix' : `${errors.length} things to fix`} before saving
      </p>
      <ul>
        {errors.map((e) => (
          <li key={`${e.fieldId}:${e.message}`}>
            <a
              href={`#${e.fieldId}`}
              onClick={(event) => {
                event.preventDefault();
                document.getElementById(e.fieldId)?.focus();
              }}
            >
              {e.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** An inline confirmation (works without <dialog> support): says what will happen, then asks. */
export function Confirm(props: {
  title: string;
  children?: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  danger?: boolean;
  onConfirm(): void;
  onCancel(): void;
}) {
  const box = useRef<HTMLDivElement>(null);
  const titleId = useId();
  useEffect(() => {
    box.current?.focus();
  }, []);
  return (
    <div className="confirm" role="alertdialog" aria-labelledby={titleId} tabIndex={-1} ref={box}>
      <p className="alert-title" id={titleId}>
        {props.title}
      </p>
      {props.children}
      <div className="button-row">
        <Button variant={props.danger ? 'danger' : 'primary'} onClick={props.onConfirm}>
          {props.confirmLabel}
        </Button>
        <Button onClick={props.onCancel}>{props.cancelLabel ?? 'Cancel'}</Button>
      </div>
    </div>
  );
}

export function Badge(props: {
  tone?: 'neutral' | 'warning' | 'pending' | 'ok';
  children: ReactNode;
}) {
  return <span className={`badge badge-${props.tone ?? 'neutral'}`}>{props.children}</span>;
}

export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <p className="loading" role="status">
      {label}
    </p>
  );
}
