import type { KeychainStatus } from '../../shared/ipc/contract';

/** Props of {@link KeychainNotice}. */
export interface KeychainNoticeProps {
  keychain: KeychainStatus;
}

/**
 * Says, under the app bar, when connection credentials will not outlive this session
 * (no OS keychain, Linux's plain-text `basic_text` backend, browser mode) or when saved ones
 * could not be read. Renders nothing while credentials are stored encrypted and readable.
 *
 * role=status: announced politely once, not an alarm; it stays visible for the session.
 */
export function KeychainNotice({ keychain }: KeychainNoticeProps) {
  const sessionOnly = keychain.mode === 'session-only';
  if (!sessionOnly && keychain.problem === undefined) {
    return null;
  }
  return (
    <div
      className="keychain-notice"
      role="status"
      data-testid="keychain-notice"
      data-keychain-mode={keychain.mode}
    >
      <span className="keychain-notice-mark" aria-hidden="true" />
      <p>
        {sessionOnly ? (
          <>
            <strong>Credentials are kept for this session only:</strong>{' '}
            {withFullStop(keychain.reason ?? 'the OS keychain is not available')}
          </>
        ) : null}
        {sessionOnly && keychain.problem !== undefined ? ' ' : null}
        {keychain.problem}
      </p>
    </div>
  );
}

function withFullStop(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}
