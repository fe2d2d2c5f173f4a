import { useId, useRef, useState } from 'react';
import type { Target } from '../../../shared/datasets/targets';
import type { ConnectionDetail, KeychainStatus } from '../../../shared/ipc/contract';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useApi } from '../../app/use-api';
import { useBridgeCall } from '../../app/use-bridge-call';
import { targetLabel } from '../import/datasets';
import { describedBy, Field, type FieldOptions } from './ConnectionField';
import {
  emptyForm,
  formOf,
  FORM_DEFAULTS,
  saveArgsOf,
  type ConnectionFormValues,
} from './connection-form';

/** Props of {@link AddConnectionForm}. */
export interface AddConnectionFormProps {
  keychain: KeychainStatus;
  onSaved: (saved: ConnectionDetail) => void;
  /** A saved connection to change instead of adding one; its credential stays unless retyped. */
  editing?: ConnectionDetail;
  onCancelEdit?: () => void;
}

const TARGETS: readonly Target[] = ['zoom', 'webex', 'portsip'];

/**
 * The add form: the target first, then only the fields that target signs in with. Problems
 * found here are shown beside the field (aria-invalid + aria-describedby) and focus moves to it.
 */
export function AddConnectionForm({
  keychain,
  onSaved,
  editing,
  onCancelEdit,
}: AddConnectionFormProps) {
  const api = useApi();
  const call = useBridgeCall();
  const base = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<ConnectionFormValues>(() =>
    editing ? formOf(editing) : emptyForm('portsip'),
  );
  const [problem, setProblem] = useState<{ field: string; message: string } | null>(null);
  const set = (patch: Partial<ConnectionFormValues>) => {
    setValues((before) => ({ ...before, ...patch }));
    setProblem(null);
  };
  const id = (field: string) => `${base}-${field}`;
  const field = (name: keyof ConnectionFormValues, label: string, options: FieldOptions = {}) => (
    <Field
      id={id(name)}
      label={label}
      help={options.help}
      error={problem?.field === name ? problem.message : undefined}
    >
      <input
        id={id(name)}
        className="select"
        type={options.secret ? 'password' : 'text'}
        inputMode={options.numeric ? 'decimal' : undefined}
        autoComplete={options.secret ? 'new-password' : 'off'}
        spellCheck={false}
        placeholder={options.placeholder}
        value={values[name]}
        onChange={(event) => set({ [name]: event.target.value })}
        aria-invalid={problem?.field === name ? true : undefined}
        aria-describedby={describedBy(id(name), options.help, problem?.field === name)}
        data-testid={`connection-${name}`}
      />
    </Field>
  );

  const onSubmit = (event: React.FormEvent) => {
    event.preventDefault();
    const checked = saveArgsOf(values, editing?.id);
    if (!checked.ok) {
      setProblem({ field: checked.field, message: checked.message });
      formRef.current?.querySelector<HTMLElement>(`#${CSS.escape(id(checked.field))}`)?.focus();
      return;
    }
    call.run(
      `Saving ${checked.args.label}…`,
      () => api.connections.save(checked.args),
      (saved) => {
        if (!editing) {
          setValues(emptyForm(values.target));
        }
        onSaved(saved);
      },
    );
  };

  const { target } = values;
  const oauth = target === 'zoom' && values.authKind === 'zoom-oauth';
  return (
    <form
      ref={formRef}
      className="panel connection-form"
      aria-labelledby={id('title')}
      onSubmit={onSubmit}
      noValidate
      data-testid="connection-form"
      data-mode={editing ? 'edit' : 'add'}
    >
      <h2 className="section-title" id={id('title')}>
        {editing ? `Change ${editing.label}` : 'Add a connection'}
      </h2>
      <Field id={id('target')} label="Phone system">
        <select
          id={id('target')}
          className="select"
          value={target}
          // A saved connection keeps its phone system: its credential belongs to that one.
          disabled={editing !== undefined}
          onChange={(event) => {
            setValues(emptyForm(event.target.value as Target));
            setProblem(null);
          }}
          data-testid="connection-target"
        >
          {TARGETS.map((candidate) => (
            <option key={candidate} value={candidate}>
              {targetLabel(candidate)}
            </option>
          ))}
        </select>
      </Field>
      {field('label', 'Name', { placeholder: 'e.g. Head office PBX' })}
      {target === 'portsip'
        ? field('baseUrl', 'PBX base URL', {
            placeholder: 'https://pbx.example.com:8887',
            help: 'The PBX host and port (usually 8887), with https.',
          })
        : field('baseUrl', 'API base URL (optional)', {
            placeholder: FORM_DEFAULTS[target].baseUrl,
            help: `Leave empty for ${FORM_DEFAULTS[target].baseUrl}.`,
          })}
      {target === 'zoom' ? (
        <fieldset className="connection-auth">
          <legend className="field-label">Sign in with</legend>
          {(['bearer', 'zoom-oauth'] as const).map((kind) => (
            <label key={kind} className="field-choice">
              <input
                type="radio"
                name={id('auth')}
                value={kind}
                checked={values.authKind === kind}
                onChange={() => set({ authKind: kind })}
                data-testid={`connection-auth-${kind}`}
              />{' '}
              {kind === 'bearer' ? 'An access token' : 'A Server-to-Server OAuth app'}
            </label>
          ))}
        </fieldset>
      ) : null}
      {oauth ? (
        <>
          {field('oauthAccountId', 'OAuth account ID')}
          {field('clientId', 'Client ID')}
          {field('clientSecret', 'Client secret', { secret: true, help: keepHelp(editing) })}
        </>
      ) : (
        field('token', 'Access token', { secret: true, help: keepHelp(editing) })
      )}
      {keychain.mode === 'session-only' ? (
        <p className="field-help connection-session-only" data-testid="connection-session-only">
          This credential will be kept for this session only
          {keychain.reason ? `: ${keychain.reason}` : ''}. Add the connection again after a restart.
        </p>
      ) : (
        <p className="field-help">Kept encrypted by the OS keychain; never shown again.</p>
      )}
      {target === 'portsip'
        ? field('perMinute', 'Requests per minute', {
            numeric: true,
            help: 'The PBX’s API quota; pushes stay under it.',
          })
        : field('maxRps', 'Requests per second', {
            numeric: true,
            help:
              target === 'zoom'
                ? 'Your Zoom plan’s rate for Phone APIs; pushes stay under it.'
                : 'Webex’s published rate; pushes stay under it.',
          })}
      {target === 'zoom'
        ? field('accountId', 'Sub account ID (optional)', {
            help: 'For a master account acting on a sub account; empty means this account.',
          })
        : null}
      {target === 'webex'
        ? field('orgId', 'Organisation ID (optional)', {
            help: 'For a partner admin acting on a customer’s organisation.',
          })
        : null}
      <div className="connection-form-actions">
        <button
          type="submit"
          className="btn btn-primary"
          disabled={call.busy !== null}
          data-testid="connection-save"
        >
          {editing ? 'Save changes' : 'Add connection'}
        </button>
        {editing ? (
          <button
            type="button"
            className="btn btn-quiet"
            onClick={onCancelEdit}
            data-testid="connection-edit-cancel"
          >
            Cancel
          </button>
        ) : null}
        {call.busy ? (
          <span className="muted" role="status">
            {call.busy}
          </span>
        ) : null}
      </div>
      {call.error ? <ErrorBanner error={call.error} onDismiss={call.dismiss} /> : null}
    </form>
  );
}

function keepHelp(editing: ConnectionDetail | undefined): string | undefined {
  return editing ? 'Leave empty to keep the saved credential.' : undefined;
}
