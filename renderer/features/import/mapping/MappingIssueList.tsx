import type { MappingIssue } from '../../../../shared/ipc/contract';

/** Props of {@link MappingIssueList}. */
export interface MappingIssueListProps {
  issues: readonly MappingIssue[];
}

/**
 * The mapping's problems, errors first: errors block Continue, warnings only inform.
 *
 * A live region, so a problem that appears after changing a select is announced.
 */
export function MappingIssueList({ issues }: MappingIssueListProps) {
  const sorted = [...issues].sort((a, b) =>
    a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1,
  );
  return (
    <section className="panel" aria-labelledby="mapping-issues-title">
      <h2 id="mapping-issues-title" className="section-title">
        Checks
      </h2>
      <div aria-live="polite" data-testid="mapping-issues">
        {sorted.length === 0 ? (
          <p className="check-ok">Every column is accounted for.</p>
        ) : (
          <ul className="issue-list">
            {sorted.map((issue, index) => (
              <li
                key={`${issue.code}:${index}`}
                className={`issue issue-${issue.severity}`}
                data-code={issue.code}
              >
                <span className="issue-tag">{issue.severity === 'error' ? 'Error' : 'Note'}</span>
                <span>{issue.message}</span>
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
