import { activitiesKind } from './activities';
import { assistanceKind } from './assistance';
import { contractsKind } from './contracts';
import { householdsKind } from './households';
import { loansKind } from './loans';
import { peopleKind } from './people';
import type { ImportKind, KindSpec } from './types';

export const kindSpecs: Record<ImportKind, KindSpec> = {
  people: peopleKind as KindSpec,
  activities: activitiesKind as KindSpec,
  assistance: assistanceKind as KindSpec,
  loans: loansKind as KindSpec,
  contracts: contractsKind as KindSpec,
  households: householdsKind as KindSpec,
};
