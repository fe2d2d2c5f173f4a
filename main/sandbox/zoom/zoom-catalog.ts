/** A calling plan the simulated account holds: display name and Zoom's numeric plan type. */
export interface ZoomCallingPlan {
  name: string;
  /** Zoom's plan code, as the list endpoint's `calling_type` filter takes it. */
  type: number;
}

/** A phone site of the simulated account. */
export interface ZoomSite {
  id: string;
  name: string;
  /** The short code `site_code` refers to in batch requests. */
  code: string;
}

/**
 * The calling plans the sandbox account holds.
 *
 * Types are Zoom's published plan codes (developers.zoom.us "Zoom Phone calling plans"):
 * UNLIMITED_PLAN_US_CA 200, METERED_PLAN_US_CA 100, INTERNATIONAL_SELECT_ADDON 4000,
 * METERED_GLOBAL_SELECT 1001, BASIC 3010.
 */
export const ZOOM_CALLING_PLANS: readonly ZoomCallingPlan[] = [
  { name: 'US/CA Unlimited Calling', type: 200 },
  { name: 'US/CA Metered Calling', type: 100 },
  { name: 'International Select', type: 4000 },
  { name: 'Global Select', type: 1001 },
  { name: 'Zoom Phone Basic', type: 3010 },
];

/** The sites of the sandbox account; the first is where users without a site go. */
export const ZOOM_SITES: readonly ZoomSite[] = [
  { id: 'cJ7sXk2mQ0aHq3uYb9TfLw', name: 'Main Office', code: 'HQ' },
  { id: 'r4NvG8eZp1WdKs6oTy2BcA', name: 'Remote', code: 'RMT' },
];

/** The billing account every simulated calling plan is charged to. */
export const ZOOM_BILLING_ACCOUNT = {
  id: 'Bk3Xw9Qm2vLr7Tz5Ys1Nhd',
  name: 'Sandbox Account',
} as const;

/** Looks a plan up by its exact name (Zoom's names are case-sensitive). */
export function findPlan(name: string): ZoomCallingPlan | undefined {
  return ZOOM_CALLING_PLANS.find((plan) => plan.name === name);
}

/** Looks a site up by id. */
export function findSiteById(id: string): ZoomSite | undefined {
  return ZOOM_SITES.find((site) => site.id === id);
}

/** The site users land in when a batch names none. */
export function defaultSite(): ZoomSite {
  const site = ZOOM_SITES[0];
  if (!site) {
    throw new Error('the sandbox catalog has no sites');
  }
  return site;
}
