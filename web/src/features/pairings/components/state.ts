import type { PairingState } from '../api';

export const stateColors: Record<PairingState, string> = { lapsed: 'red', due_soon: 'orange', on_track: 'green', ended: 'default' };
