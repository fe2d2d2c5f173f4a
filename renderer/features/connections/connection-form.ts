import { checkBaseUrl } from '../../../shared/connections/base-url';
import type { Target } from '../../../shared/datasets/targets';
import type { ArgsOf, ConnectionDetail } from '../../../shared/ipc/contract';

/** What the add form holds, all as typed text, for every target (unused fields stay empty). */
export interface ConnectionFormValues {
  target: Target;
  label: string;
  baseUrl: string;
  authKind: 'bearer' | 'zoom-oauth';
  token: string;
  oauthAccountId: string;
  clientId: string;
  clientSecret: string;
  /** Zoom and Webex: requests per second. */
  maxRps: string;
  /** PortSIP: requests per minute. */
  perMinute: string;
  /** Zoom: the sub account. */
  accountId: string;
  /** Webex: the organisation. */
  orgId: string;
}

/** Published defaults, as main applies them (main/services/connectors/push-adapters.ts). */
export const FORM_DEFAULTS: Record<Target, { baseUrl: string; rate: string }> = {
  zoom: { baseUrl: 'https://api.zoom.us/v2', rate: '10' },
  webex: { baseUrl: 'https://webexapis.com/v1', rate: '5' },
  portsip: { baseUrl: '', rate: '960' },
};

/** An empty form for a target. */
export function emptyForm(target: Target): ConnectionFormValues {
  return {
    target,
    label: '',
    baseUrl: '',
    authKind: 'bearer',
    token: '',
    oauthAccountId: '',
    clientId: '',
    clientSecret: '',
    maxRps: FORM_DEFAULTS[target].rate,
    perMinute: FORM_DEFAULTS.portsip.rate,
    accountId: '',
    orgId: '',
  };
}

/**
 * The form for changing a saved connection: what main lists about it, and no credential
 * (main never sends one back; left empty, the saved one stays).
 */
export function formOf(detail: ConnectionDetail): ConnectionFormValues {
  const form = emptyForm(detail.target);
  const defaultUrl = FORM_DEFAULTS[detail.target].baseUrl;
  return {
    ...form,
    label: detail.label,
    baseUrl: detail.baseUrl === defaultUrl ? '' : detail.baseUrl,
    authKind: detail.authKind,
    maxRps: String(detail.maxRps),
    perMinute: String(detail.perMinute ?? form.perMinute),
    accountId: detail.accountId ?? '',
    orgId: detail.orgId ?? '',
  };
}

/** The save request, or the first thing to fix, named by its field's label. */
export type FormCheck =
  { ok: true; args: ArgsOf<'connections:save'> } | { ok: false; field: string; message: string };

/**
 * Turns the form into a `connections:save` request, checking what can be checked here the
 * way main will (main checks again): a label, a credential, a usable base URL, a rate.
 */
export function saveArgsOf(values: ConnectionFormValues, editingId?: string): FormCheck {
  const label = values.label.trim();
  if (!label) {
    return { ok: false, field: 'label', message: 'Enter a name for this connection.' };
  }
  const baseUrl = values.baseUrl.trim();
  if (values.target === 'portsip' && !baseUrl) {
    return {
      ok: false,
      field: 'baseUrl',
      message: 'Enter the PBX base URL, like https://pbx.example.com:8887.',
    };
  }
  if (baseUrl) {
    const url = checkBaseUrl(baseUrl);
    if (!url.ok) {
      return { ok: false, field: 'baseUrl', message: url.message };
    }
  }
  const oauth = values.target === 'zoom' && values.authKind === 'zoom-oauth';
  const typed = oauth
    ? [values.oauthAccountId, values.clientId, values.clientSecret].some((v) => v.trim())
    : values.token.trim() !== '';
  // Changing a saved connection: empty credential fields keep the saved credential.
  const keepCredential = editingId !== undefined && !typed;
  if (
    !keepCredential &&
    oauth &&
    !(values.oauthAccountId.trim() && values.clientId.trim() && values.clientSecret.trim())
  ) {
    return {
      ok: false,
      field: values.oauthAccountId.trim()
        ? values.clientId.trim()
          ? 'clientSecret'
          : 'clientId'
        : 'oauthAccountId',
      message: 'Enter the OAuth app’s account ID, client ID and client secret.',
    };
  }
  if (!keepCredential && !oauth && !values.token.trim()) {
    return { ok: false, field: 'token', message: 'Enter the access token.' };
  }
  const perMinute = values.target === 'portsip';
  const rate = Number((perMinute ? values.perMinute : values.maxRps).trim());
  if (!Number.isFinite(rate) || rate <= 0 || (perMinute && !Number.isInteger(rate))) {
    return {
      ok: false,
      field: perMinute ? 'perMinute' : 'maxRps',
      message: perMinute
        ? 'Enter the PBX’s quota as a whole number of requests per minute.'
        : 'Enter the rate as a number of requests per second.',
    };
  }
  return {
    ok: true,
    args: {
      ...(editingId === undefined ? {} : { id: editingId }),
      target: values.target,
      label,
      ...(baseUrl ? { baseUrl } : {}),
      ...(keepCredential
        ? {}
        : {
            credential: oauth
              ? {
                  kind: 'zoom-oauth' as const,
                  accountId: values.oauthAccountId.trim(),
                  clientId: values.clientId.trim(),
                  clientSecret: values.clientSecret.trim(),
                }
              : { kind: 'bearer' as const, token: values.token.trim() },
          }),
      ...(perMinute ? { perMinute: rate } : { maxRps: rate }),
      ...(values.target === 'zoom' && values.accountId.trim()
        ? { accountId: values.accountId.trim() }
        : {}),
      ...(values.target === 'webex' && values.orgId.trim() ? { orgId: values.orgId.trim() } : {}),
    },
  };
}
