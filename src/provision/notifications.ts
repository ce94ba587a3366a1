/**
 * The contact point and the notification policy tree that route Candor alerts by tier, with the response windows
 * of the executive monitoring seed: critical now, high within 24 h, medium within 72 h, low within a week.
 *
 * A tier's window is its repeat interval: while a metric stays red, its owner's reminder comes back once per
 * window. group_wait (the delay of the first notification) grows with the tier, critical is sent at once.
 */
import type { Tier } from '../core/types';
import { type CatalogInput, DEFAULT_SITE, generatedHeader, type GeneratedFile, type Site } from './context';
import { toYaml } from './yaml';

export const CONTACT_POINT = 'Candor executive scorecard';

export interface TierTiming {
  tier: Tier;
  window: string;
  group_wait: string;
  group_interval: string;
  repeat_interval: string;
}

export const TIER_TIMINGS: TierTiming[] = [
  { tier: 'critical', window: 'act now', group_wait: '0s', group_interval: '1m', repeat_interval: '1h' },
  { tier: 'high', window: 'within 24 h', group_wait: '1m', group_interval: '5m', repeat_interval: '24h' },
  { tier: 'medium', window: 'within 72 h', group_wait: '5m', group_interval: '15m', repeat_interval: '72h' },
  { tier: 'low', window: 'within 1 week', group_wait: '15m', group_interval: '1h', repeat_interval: '1w' },
];

export function notificationConfig(site: Site = DEFAULT_SITE): Record<string, unknown> {
  return {
    apiVersion: 1,
    contactPoints: [
      {
        orgId: site.orgId,
        name: CONTACT_POINT,
        receivers: [
          {
            uid: 'candor-executive-email',
            type: 'email',
            // Expanded by Grafana from the environment on purpose: the addresses are not part of the repository.
            settings: { addresses: '$CANDOR_ALERT_EMAILS', singleEmail: true },
            disableResolveMessage: false,
          },
        ],
      },
    ],
    policies: [
      {
        orgId: site.orgId,
        receiver: CONTACT_POINT,
        group_by: ['grafana_folder', 'alertname'],
        routes: TIER_TIMINGS.map((t) => ({
          receiver: CONTACT_POINT,
          object_matchers: [
            ['scorecard', '=~', '.+'],
            ['tier', '=', t.tier],
          ],
          group_by: ['scorecard', 'tier'],
          group_wait: t.group_wait,
          group_interval: t.group_interval,
          repeat_interval: t.repeat_interval,
        })),
      },
    ],
  };
}

export function generateNotifications(inputs: CatalogInput[], site: Site = DEFAULT_SITE): GeneratedFile {
  const header = [
    ...generatedHeader(inputs),
    '',
    'Contact point and notification policies of the Candor alert rules, routed by the `tier` label:',
    ...TIER_TIMINGS.map(
      (t) =>
        `  ${t.tier} (${t.window}): first notification after ${t.group_wait}, repeated every ${t.repeat_interval} while red`
    ),
    "Grafana replaces the organisation's whole policy tree with this file: it is written only with",
    '`notifications: true` in candor.config.yaml; in a shared Grafana merge the routes into your own tree instead',
    '(docs/provisioning.md#notifications). Recipients: $CANDOR_ALERT_EMAILS.',
  ];
  return {
    path: 'provisioning/alerting/candor-notifications.yaml',
    content: toYaml(notificationConfig(site), header),
  };
}
