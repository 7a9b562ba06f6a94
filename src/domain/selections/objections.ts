/**
 * 公示异议 (objections during the publicity period): the objector proves a phone (one-time code),
 * may give a name, and is limited per phone and campaign as well as per network address.
 */
export const objectionRules = {
  /** objections one verified phone may file in one campaign */
  perPhonePerCampaign: 3,
  /** objections per network address, campaign and hour */
  perAddressHour: 5,
} as const;

/** The tally period (campaign_voter_tallies.period) that counts a phone's objections in a campaign; never a date or 'all'. */
export const objectionTallyPeriod = 'objections';
