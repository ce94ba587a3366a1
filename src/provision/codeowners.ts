/**
 * `.github/CODEOWNERS` from the approvers file: the catalogs, their lock files and tests, the approvers file and
 * CODEOWNERS itself need a review by the approvers' git host handles. It binds only where branch protection
 * requires code-owner review (docs/governance.md); Candor's own checks do not depend on it.
 */
import { GENERATED_MARK, type GeneratedFile } from './context';
import { type Approver, APPROVERS_FILE } from './approvers';

export const CODEOWNERS_FILE = '.github/CODEOWNERS';

/**
 * What decides a scorecard in Candor's own repository: the catalogs, locks and tests, the approvers, everything
 * Grafana loads (provisioning/, dashboards/), the checks themselves (src/, package.json, .ci/) and this file. A
 * config repository passes its own folders (cli/provision.ts, from candor.config.yaml).
 */
export const CODEOWNED_PATHS = [
  '/provisioning/',
  '/dashboards/',
  '/src/core/',
  '/src/provision/',
  '/src/cli/',
  '/cli/',
  '/scripts/',
  '/package.json',
  '/.ci/',
  `/${CODEOWNERS_FILE}`,
];

export function generateCodeowners(approvers: Approver[], paths: readonly string[] = CODEOWNED_PATHS): GeneratedFile {
  const handles = [...new Set(approvers.map((a) => a.handle).filter((h): h is string => Boolean(h)))].sort();
  const lines = [
    `# ${GENERATED_MARK} from ${APPROVERS_FILE}; do not edit: change the approvers and run \`candor provision\`.`,
    "# A change to a catalog, a lock, the approvers, the generated provisioning or the checks needs an approver's review",
    '# once branch protection requires code-owner reviews (docs/governance.md).',
    ...(handles.length === 0
      ? [`# No approver has a git host handle yet: add \`handle\` to ${APPROVERS_FILE}. Until then no one owns these.`]
      : []),
    ...paths.map((p) => [p, ...handles].join(' ')),
  ];
  return { path: CODEOWNERS_FILE, content: `${lines.join('\n')}\n` };
}
